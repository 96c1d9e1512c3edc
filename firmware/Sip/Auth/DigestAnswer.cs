// The credentials of an Authorization / Proxy-Authorization header (RFC 3261 §22.2, §25.1; RFC 7616 §3.4).
using System.Text;

namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>
    /// One computed Digest answer. <see cref="ToHeaderValue"/> writes it as the value of an
    /// Authorization (answering WWW-Authenticate) or Proxy-Authorization (answering
    /// Proxy-Authenticate) header. Made by <see cref="DigestAuthenticator.Answer"/>; instances never change.
    /// </summary>
    public sealed class DigestAnswer
    {
        private readonly string _username;
        private readonly string _realm;
        private readonly string _nonce;
        private readonly string _uri;
        private readonly string _response;
        private readonly string _algorithmText;
        private readonly string _cnonce;
        private readonly string _opaque;
        private readonly bool _qopAuth;
        private readonly int _nonceCount;

        internal DigestAnswer(string username, string realm, string nonce, string uri, string response,
            string algorithmText, bool qopAuth, string cnonce, int nonceCount, string opaque)
        {
            _username = username;
            _realm = realm;
            _nonce = nonce;
            _uri = uri;
            _response = response;
            _algorithmText = algorithmText;
            _qopAuth = qopAuth;
            _cnonce = cnonce;
            _nonceCount = nonceCount;
            _opaque = opaque;
        }

        /// <summary>The username, unquoted.</summary>
        public string Username { get { return _username; } }

        /// <summary>The realm, echoed from the challenge.</summary>
        public string Realm { get { return _realm; } }

        /// <summary>The nonce, echoed from the challenge.</summary>
        public string Nonce { get { return _nonce; } }

        /// <summary>The digest-uri: the Request-URI of the request being authorised.</summary>
        public string Uri { get { return _uri; } }

        /// <summary>The request-digest in lowercase hex (32 digits for MD5, 64 for SHA-256).</summary>
        public string Response { get { return _response; } }

        /// <summary>The algorithm as the challenge wrote it, or null when the challenge had none (then it is not sent).</summary>
        public string AlgorithmText { get { return _algorithmText; } }

        /// <summary>"auth", or null for the RFC 2069 form (then cnonce and nc are not sent).</summary>
        public string Qop { get { return _qopAuth ? "auth" : null; } }

        /// <summary>The client nonce, or null for the RFC 2069 form.</summary>
        public string Cnonce { get { return _qopAuth ? _cnonce : null; } }

        /// <summary>The nonce count, or 0 for the RFC 2069 form.</summary>
        public int NonceCount { get { return _qopAuth ? _nonceCount : 0; } }

        /// <summary>The nonce count as sent: 8 lowercase hex digits ("00000001"), or null for the RFC 2069 form.</summary>
        public string NonceCountText { get { return _qopAuth ? DigestAuthenticator.FormatNonceCount(_nonceCount) : null; } }

        /// <summary>The opaque value echoed from the challenge, or null when it had none.</summary>
        public string Opaque { get { return _opaque; } }

        /// <summary>
        /// The header value: Digest username="...", realm="...", nonce="...", uri="...",
        /// response="...", algorithm=..., cnonce="...", opaque="...", qop=auth, nc=00000001.
        /// Quoted values are escaped; algorithm, qop and nc are tokens. Absent parts are left out.
        /// </summary>
        public string ToHeaderValue()
        {
            StringBuilder sb = new StringBuilder(256);
            sb.Append("Digest username=");
            DigestText.AppendQuoted(sb, _username);
            sb.Append(", realm=");
            DigestText.AppendQuoted(sb, _realm);
            sb.Append(", nonce=");
            DigestText.AppendQuoted(sb, _nonce);
            sb.Append(", uri=");
            DigestText.AppendQuoted(sb, _uri);
            sb.Append(", response=");
            DigestText.AppendQuoted(sb, _response);
            if (_algorithmText != null)
            {
                sb.Append(", algorithm=");
                sb.Append(_algorithmText);
            }
            if (_qopAuth)
            {
                sb.Append(", cnonce=");
                DigestText.AppendQuoted(sb, _cnonce);
            }
            if (_opaque != null)
            {
                sb.Append(", opaque=");
                DigestText.AppendQuoted(sb, _opaque);
            }
            if (_qopAuth)
            {
                sb.Append(", qop=auth, nc=");
                sb.Append(DigestAuthenticator.FormatNonceCount(_nonceCount));
            }
            return sb.ToString();
        }

        /// <summary>The same as <see cref="ToHeaderValue"/>.</summary>
        public override string ToString()
        {
            return ToHeaderValue();
        }
    }
}
