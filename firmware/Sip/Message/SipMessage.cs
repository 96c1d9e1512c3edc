// A SIP request or response (RFC 3261 §7): start line, ordered headers and body; parsed messages read lazily from their bytes.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// One SIP message. <see cref="SipParser"/> makes one from a datagram or a framed stream
    /// message without copying it: the message keeps the byte array it was given (the caller hands
    /// it over) and turns header values into strings, and strings into typed values, only when
    /// asked. Messages built with <see cref="CreateRequest(string, SipUri)"/> or
    /// <see cref="CreateResponse(SipMessage, int, string)"/> hold strings. Either kind can be
    /// changed (<see cref="AddHeader"/>, <see cref="SetHeader"/>, <see cref="RemoveHeaders"/>,
    /// <see cref="SetBody(byte[], string)"/>) and written with <see cref="ToBytes"/>; one kept for a while
    /// is <see cref="Compact"/>ed back to its wire form.
    /// Headers keep their order and the name as received; unknown headers and parameters survive.
    /// Not thread-safe: one loop owns it.
    /// </summary>
    public sealed partial class SipMessage
    {
        /// <summary>The only version this layer speaks.</summary>
        public const string Version = "SIP/2.0";

        private byte[] _raw;

        private bool _isRequest;
        private string _method;
        private int _uriStart = -1;
        private int _uriLength;
        private string _uriText;
        private SipUri _uri;
        private bool _uriParsed;
        private bool _isSipUri;
        private int _status;
        private string _reason;
        private int _reasonStart = -1;
        private int _reasonLength;

        private byte[] _body;
        private int _bodyStart;
        private int _bodyLength;

        private SipMessage()
        {
        }

        internal SipMessage(byte[] raw)
        {
            _raw = raw;
        }

        /// <summary>True for a request, false for a response.</summary>
        public bool IsRequest { get { return _isRequest; } }

        /// <summary>True for a response.</summary>
        public bool IsResponse { get { return !_isRequest; } }

        /// <summary>The request method, case as received ("INVITE"); null for a response.</summary>
        public string Method { get { return _method; } }

        /// <summary>The Request-URI as written; null for a response.</summary>
        public string RequestUriText
        {
            get
            {
                if (_uriText == null && _uriStart >= 0)
                {
                    _uriText = SipText.Decode(_raw, _uriStart, _uriLength);
                }
                return _uriText;
            }
        }

        /// <summary>True when the Request-URI's scheme is sip or sips (it may still fail to parse: see <see cref="RequestUri"/>).</summary>
        public bool IsSipRequestUri { get { return _isSipUri; } }

        /// <summary>The Request-URI scheme in lower case ("sip", "tel", "soap.beep"...); null for a response.</summary>
        public string RequestUriScheme
        {
            get
            {
                string t = RequestUriText;
                if (t == null)
                {
                    return null;
                }
                int colon = t.IndexOf(':');
                return colon < 0 ? "" : SipText.LowerAscii(t.Substring(0, colon));
            }
        }

        /// <summary>The Request-URI parsed on first use; null for a response, another scheme, or a malformed sip/sips URI.</summary>
        public SipUri RequestUri
        {
            get
            {
                if (!_uriParsed)
                {
                    _uriParsed = true;
                    if (_isSipUri)
                    {
                        string reason;
                        SipUri.TryParse(RequestUriText, out _uri, out reason);
                    }
                }
                return _uri;
            }
        }

        /// <summary>The status code of a response (100-699); 0 for a request.</summary>
        public int StatusCode { get { return _status; } }

        /// <summary>The reason phrase of a response as received (UTF-8, may be ""); null for a request.</summary>
        public string ReasonPhrase
        {
            get
            {
                if (_reason == null && _reasonStart >= 0)
                {
                    _reason = SipText.Decode(_raw, _reasonStart, _reasonLength);
                }
                return _reason;
            }
        }

        /// <summary>The body length in bytes.</summary>
        public int BodyLength { get { return _bodyLength; } }

        /// <summary>The body (a copy made once on first use for parsed messages); an empty array when there is none.</summary>
        public byte[] Body
        {
            get
            {
                if (_body == null)
                {
                    _body = new byte[_bodyLength];
                    if (_bodyLength > 0)
                    {
                        System.Array.Copy(_raw, _bodyStart, _body, 0, _bodyLength);
                    }
                    _bodyStart = 0;
                }
                return _body;
            }
        }

        /// <summary>The body decoded as UTF-8 ("" when there is none).</summary>
        public string BodyText
        {
            get
            {
                return _body != null ? SipText.Decode(_body, _bodyStart, _bodyLength) : SipText.Decode(_raw, _bodyStart, _bodyLength);
            }
        }

        /// <summary>Copies the body into <paramref name="buffer"/> at <paramref name="offset"/> without allocating; returns its length.</summary>
        public int CopyBodyTo(byte[] buffer, int offset)
        {
            if (_bodyLength > 0)
            {
                System.Array.Copy(_body != null ? _body : _raw, _bodyStart, buffer, offset, _bodyLength);
            }
            return _bodyLength;
        }

        /// <summary>
        /// Keeps what the message says but not what was made from it, for a message held a while
        /// (a transaction's last response for retransmissions, a call's INVITE): it is written to bytes
        /// and read back in place, so it then holds its wire form and a header index (a third or less of
        /// a parsed-and-read or built message), and header strings and typed values come back on first use.
        /// The wire form is the same, a Content-Length line included. False, and the message as it
        /// was, when the bytes do not read back.
        /// </summary>
        public bool Compact()
        {
            byte[] bytes = SipWriter.ToBytes(this);
            SipMessage m;
            SipParseError error;
            if (!SipParser.TryParse(bytes, 0, bytes.Length, out m, out error)) return false;
            _raw = bytes;
            _isRequest = m._isRequest;
            _method = m._method;
            _uriStart = m._uriStart;
            _uriLength = m._uriLength;
            _uriText = null;
            _uri = null;
            _uriParsed = false;
            _isSipUri = m._isSipUri;
            _status = m._status;
            _reason = null;
            _reasonStart = m._reasonStart;
            _reasonLength = m._reasonLength;
            _body = null;
            _bodyStart = m._bodyStart;
            _bodyLength = m._bodyLength;
            TakeHeaders(m);
            return true;
        }

        // ---- used by the parser --------------------------------------------------------------

        internal void SetRequestLine(string method, int uriStart, int uriLength, bool isSip)
        {
            _isRequest = true;
            _method = method;
            _uriStart = uriStart;
            _uriLength = uriLength;
            _isSipUri = isSip;
        }

        internal void SetStatusLine(int status, int reasonStart, int reasonLength)
        {
            _isRequest = false;
            _status = status;
            _reasonStart = reasonStart;
            _reasonLength = reasonLength;
        }

        internal void SetRawBody(int start, int length)
        {
            _body = null;
            _bodyStart = start;
            _bodyLength = length;
        }

        internal byte[] Raw { get { return _raw; } }

        internal int RawBodyStart { get { return _bodyStart; } }

        internal byte[] BodyBuffer { get { return _body != null ? _body : _raw; } }
    }
}
