// Computes Digest answers as a client (RFC 3261 §22.4, RFC 7616 §3.4.1-3.4.3, RFC 8760 §2, RFC 2069).
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>
    /// Answers a <see cref="DigestChallenge"/>:
    /// <code>
    /// HA1 = H(username ":" realm ":" password)                 MD5, SHA-256
    /// HA1 = H(H(username ":" realm ":" password) ":" nonce ":" cnonce)   -sess
    /// HA2 = H(method ":" digest-uri)
    /// response = H(HA1 ":" nonce ":" nc ":" cnonce ":" "auth" ":" HA2)   qop=auth
    /// response = H(HA1 ":" nonce ":" HA2)                      no qop (RFC 2069)
    /// </code>
    /// H is MD5 or SHA-256 over UTF-8, written as lowercase hex. The caller supplies the cnonce
    /// (from a random source) and the nonce count (from a <see cref="NonceCounter"/>), so the
    /// result is deterministic. Arguments that are null, empty where a value is required, or that
    /// contain control characters are bugs in the caller and throw.
    /// </summary>
    public static class DigestAuthenticator
    {
        /// <summary>
        /// The answer to <paramref name="challenge"/> for a request with <paramref name="method"/>
        /// ("REGISTER") and Request-URI <paramref name="digestUri"/> ("sip:office.example").
        /// <paramref name="cnonce"/> and <paramref name="nonceCount"/> are used only when the
        /// challenge offers qop=auth (then they are required; nonceCount starts at 1).
        /// </summary>
        public static DigestAnswer Answer(DigestChallenge challenge, string method, string digestUri,
            string username, string password, string cnonce, int nonceCount)
        {
            if (challenge == null)
            {
                throw new System.ArgumentNullException("challenge");
            }
            CheckWritable(method, "method", false);
            CheckWritable(digestUri, "digestUri", false);
            CheckWritable(username, "username", true);
            if (password == null)
            {
                throw new System.ArgumentNullException("password");
            }
            bool qop = challenge.UsesQopAuth;
            if (qop)
            {
                CheckWritable(cnonce, "cnonce", false);
                if (nonceCount < 1)
                {
                    throw new System.ArgumentOutOfRangeException("nonceCount", "the nonce count starts at 1");
                }
            }

            string response = ComputeResponse(challenge.Algorithm, qop, challenge.Realm, challenge.Nonce,
                method, digestUri, username, password, cnonce, nonceCount);
            return new DigestAnswer(username, challenge.Realm, challenge.Nonce, digestUri, response,
                challenge.AlgorithmText, qop, qop ? cnonce : null, qop ? nonceCount : 0, challenge.Opaque);
        }

        /// <summary>The header value answering <paramref name="challenge"/>: <see cref="Answer"/> then <see cref="DigestAnswer.ToHeaderValue"/>.</summary>
        public static string HeaderValue(DigestChallenge challenge, string method, string digestUri,
            string username, string password, string cnonce, int nonceCount)
        {
            return Answer(challenge, method, digestUri, username, password, cnonce, nonceCount).ToHeaderValue();
        }

        /// <summary>
        /// The request-digest alone, from explicit inputs (for tests and for checking a server's
        /// worked example). <paramref name="qopAuth"/> false gives the RFC 2069 form, which
        /// ignores <paramref name="cnonce"/> and <paramref name="nonceCount"/> (except in HA1 of a -sess algorithm).
        /// </summary>
        public static string ComputeResponse(DigestAlgorithm algorithm, bool qopAuth, string realm, string nonce,
            string method, string digestUri, string username, string password, string cnonce, int nonceCount)
        {
            BlockDigest h = DigestAlgorithms.CreateHash(algorithm);

            h.AppendUtf8(username);
            h.AppendUtf8(":");
            h.AppendUtf8(realm);
            h.AppendUtf8(":");
            h.AppendUtf8(password);
            string ha1 = h.FinishHex();
            if (DigestAlgorithms.IsSession(algorithm))
            {
                h.AppendUtf8(ha1);
                h.AppendUtf8(":");
                h.AppendUtf8(nonce);
                h.AppendUtf8(":");
                h.AppendUtf8(cnonce == null ? "" : cnonce);
                ha1 = h.FinishHex();
            }

            h.AppendUtf8(method);
            h.AppendUtf8(":");
            h.AppendUtf8(digestUri);
            string ha2 = h.FinishHex();

            h.AppendUtf8(ha1);
            h.AppendUtf8(":");
            h.AppendUtf8(nonce);
            h.AppendUtf8(":");
            if (qopAuth)
            {
                h.AppendUtf8(FormatNonceCount(nonceCount));
                h.AppendUtf8(":");
                h.AppendUtf8(cnonce);
                h.AppendUtf8(":auth:");
            }
            h.AppendUtf8(ha2);
            return h.FinishHex();
        }

        /// <summary>A nonce count as 8 lowercase hex digits: 1 → "00000001", 255 → "000000ff".</summary>
        public static string FormatNonceCount(int nonceCount)
        {
            const string digits = "0123456789abcdef";
            char[] text = new char[8];
            uint v = (uint)nonceCount;
            for (int i = 7; i >= 0; i--)
            {
                text[i] = digits[(int)(v & 15)];
                v >>= 4;
            }
            return new string(text);
        }

        private static void CheckWritable(string value, string name, bool mayBeEmpty)
        {
            if (value == null)
            {
                throw new System.ArgumentNullException(name);
            }
            if (!mayBeEmpty && value.Length == 0)
            {
                throw new System.ArgumentException("must not be empty", name);
            }
            if (DigestText.IndexOfControl(value) >= 0)
            {
                throw new System.ArgumentException("must not contain control characters", name);
            }
        }
    }
}
