// The digest algorithms a SIP client answers (RFC 7616 §6.1, RFC 8760 §2.2, §3).
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>A digest algorithm the phone can answer.</summary>
    public enum DigestAlgorithm
    {
        /// <summary>"MD5": also what a challenge without an algorithm parameter means (RFC 2617 §3.2.1).</summary>
        Md5 = 0,
        /// <summary>"MD5-sess": HA1 also covers the nonce and cnonce (RFC 7616 §3.4.2).</summary>
        Md5Sess = 1,
        /// <summary>"SHA-256" (RFC 7616, RFC 8760).</summary>
        Sha256 = 2,
        /// <summary>"SHA-256-sess".</summary>
        Sha256Sess = 3
    }

    /// <summary>Names, strength and hash functions of <see cref="DigestAlgorithm"/> values.</summary>
    public static class DigestAlgorithms
    {
        /// <summary>
        /// Reads an algorithm token, ASCII case-insensitively ("sha-256", "MD5-Sess").
        /// False for anything else, including "SHA-512-256" and "AKAv1-MD5", which the phone does not implement.
        /// </summary>
        public static bool TryParse(string token, out DigestAlgorithm algorithm)
        {
            algorithm = DigestAlgorithm.Md5;
            if (token == null)
            {
                return false;
            }
            if (DigestText.EqualsIgnoreCase(token, "MD5"))
            {
                algorithm = DigestAlgorithm.Md5;
                return true;
            }
            if (DigestText.EqualsIgnoreCase(token, "MD5-sess"))
            {
                algorithm = DigestAlgorithm.Md5Sess;
                return true;
            }
            if (DigestText.EqualsIgnoreCase(token, "SHA-256"))
            {
                algorithm = DigestAlgorithm.Sha256;
                return true;
            }
            if (DigestText.EqualsIgnoreCase(token, "SHA-256-sess"))
            {
                algorithm = DigestAlgorithm.Sha256Sess;
                return true;
            }
            return false;
        }

        /// <summary>The token as the RFCs spell it ("MD5", "MD5-sess", "SHA-256", "SHA-256-sess").</summary>
        public static string ToToken(DigestAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case DigestAlgorithm.Md5Sess:
                    return "MD5-sess";
                case DigestAlgorithm.Sha256:
                    return "SHA-256";
                case DigestAlgorithm.Sha256Sess:
                    return "SHA-256-sess";
                default:
                    return "MD5";
            }
        }

        /// <summary>True for the -sess variants.</summary>
        public static bool IsSession(DigestAlgorithm algorithm)
        {
            return algorithm == DigestAlgorithm.Md5Sess || algorithm == DigestAlgorithm.Sha256Sess;
        }

        /// <summary>How strong the hash is: 256 for SHA-256 and SHA-256-sess, 128 for MD5 and MD5-sess.</summary>
        public static int Strength(DigestAlgorithm algorithm)
        {
            return algorithm == DigestAlgorithm.Sha256 || algorithm == DigestAlgorithm.Sha256Sess ? 256 : 128;
        }

        /// <summary>A fresh hash function for <paramref name="algorithm"/>.</summary>
        public static BlockDigest CreateHash(DigestAlgorithm algorithm)
        {
            if (algorithm == DigestAlgorithm.Sha256 || algorithm == DigestAlgorithm.Sha256Sess)
            {
                return new Sha256();
            }
            return new Md5();
        }
    }
}
