// Typed views of the headers, parsed on first use and cached until the headers change; null/-1 instead of exceptions.
namespace DeskPhone.Firmware.Sip.Message
{
    public sealed partial class SipMessage
    {
        private SipVia _topVia;
        private SipVia[] _vias;
        private SipNameAddr _from;
        private SipNameAddr _to;
        private SipNameAddr[] _contacts;
        private string _callId;
        private long _cseq = -2;
        private string _cseqMethod;

        /// <summary>Forgets every cached typed value; called on every header change.</summary>
        private void Changed()
        {
            _topVia = null;
            _vias = null;
            _from = null;
            _to = null;
            _contacts = null;
            _callId = null;
            _cseq = -2;
            _cseqMethod = null;
        }

        /// <summary>The first Via value (this hop's), or null when absent or malformed. Shared: clone before changing.</summary>
        public SipVia TopVia
        {
            get
            {
                if (_topVia == null)
                {
                    int i = IndexOfId(SipHeaderNames.IdVia, 0);
                    if (i >= 0)
                    {
                        _topVia = SipVia.Parse(SipText.FirstItem(HeaderValue(i)));
                    }
                }
                return _topVia;
            }
        }

        /// <summary>Every Via value over all Via lines, top first; empty when there is none, null when one is malformed.</summary>
        public SipVia[] Vias
        {
            get
            {
                if (_vias == null)
                {
                    string[] items = GetHeaderValues(SipHeaderNames.Via);
                    SipVia[] vias = new SipVia[items.Length];
                    for (int i = 0; i < items.Length; i++)
                    {
                        vias[i] = SipVia.Parse(items[i]);
                        if (vias[i] == null)
                        {
                            return null;
                        }
                    }
                    _vias = vias;
                }
                return _vias;
            }
        }

        /// <summary>From, or null when absent or malformed.</summary>
        public SipNameAddr From
        {
            get
            {
                if (_from == null)
                {
                    _from = SipNameAddr.Parse(GetHeader(SipHeaderNames.From));
                }
                return _from;
            }
        }

        /// <summary>To, or null when absent or malformed.</summary>
        public SipNameAddr To
        {
            get
            {
                if (_to == null)
                {
                    _to = SipNameAddr.Parse(GetHeader(SipHeaderNames.To));
                }
                return _to;
            }
        }

        /// <summary>The From tag, or null.</summary>
        public string FromTag { get { SipNameAddr a = From; return a == null ? null : a.Tag; } }

        /// <summary>The To tag, or null (none yet on a dialog-creating request).</summary>
        public string ToTag { get { SipNameAddr a = To; return a == null ? null : a.Tag; } }

        /// <summary>Call-ID as received, or null.</summary>
        public string CallId
        {
            get
            {
                if (_callId == null)
                {
                    _callId = GetHeader(SipHeaderNames.CallId);
                }
                return _callId;
            }
        }

        /// <summary>The CSeq number (0 to 2^32-1), or -1 when absent or malformed.</summary>
        public long CSeqNumber
        {
            get
            {
                ReadCSeq();
                return _cseq;
            }
        }

        /// <summary>The CSeq method, or null when absent or malformed.</summary>
        public string CSeqMethod
        {
            get
            {
                ReadCSeq();
                return _cseqMethod;
            }
        }

        private void ReadCSeq()
        {
            if (_cseq != -2)
            {
                return;
            }
            _cseq = -1;
            string v = GetHeader(SipHeaderNames.CSeq);
            if (v == null)
            {
                return;
            }
            int i = SipText.SkipWs(v, 0);
            int start = i;
            while (i < v.Length && v[i] >= '0' && v[i] <= '9') i++;
            long n = SipText.ParseDigits(v, start, i);
            int mStart = SipText.SkipWs(v, i);
            if (n < 0 || n > 4294967295L || mStart == i)
            {
                return;
            }
            int mEnd = mStart;
            while (mEnd < v.Length && SipText.IsTokenChar(v[mEnd])) mEnd++;
            if (mEnd == mStart || SipText.SkipWs(v, mEnd) != v.Length)
            {
                return;
            }
            string known = _method != null && _isRequest ? _method : SipMethods.Lookup(v, mStart, mEnd - mStart);
            _cseqMethod = known != null && SipText.SameAt(known, v, mStart, mEnd)
                ? known
                : v.Substring(mStart, mEnd - mStart);
            _cseq = n;
        }

        /// <summary>Max-Forwards (0-255), or -1 when absent or malformed.</summary>
        public int MaxForwards
        {
            get
            {
                long v = SipText.ParseNumber(GetHeader(SipHeaderNames.MaxForwards));
                return v < 0 || v > 255 ? -1 : (int)v;
            }
        }

        /// <summary>Every Contact value over all Contact lines; empty when none, null when one is malformed. "*" is a wildcard entry.</summary>
        public SipNameAddr[] Contacts
        {
            get
            {
                if (_contacts == null)
                {
                    _contacts = NameAddrList(SipHeaderNames.Contact);
                }
                return _contacts;
            }
        }

        /// <summary>The first Contact, or null.</summary>
        public SipNameAddr Contact
        {
            get
            {
                SipNameAddr[] c = Contacts;
                return c == null || c.Length == 0 ? null : c[0];
            }
        }

        /// <summary>Route values in order; empty when none, null when one is malformed.</summary>
        public SipNameAddr[] Routes { get { return NameAddrList(SipHeaderNames.Route); } }

        /// <summary>Record-Route values in order; empty when none, null when one is malformed.</summary>
        public SipNameAddr[] RecordRoutes { get { return NameAddrList(SipHeaderNames.RecordRoute); } }

        /// <summary>Call-Info values ("&lt;sip:x&gt;;appearance-index=1;appearance-state=active"); empty when none, null when malformed.</summary>
        public SipNameAddr[] CallInfo { get { return NameAddrList(SipHeaderNames.CallInfo); } }

        /// <summary>Refer-To (RFC 3515), or null.</summary>
        public SipNameAddr ReferTo { get { return SipNameAddr.Parse(GetHeader(SipHeaderNames.ReferTo)); } }

        /// <summary>Content-Type with its parameters, or null.</summary>
        public SipHeaderValue ContentType { get { return SipHeaderValue.Parse(GetHeader(SipHeaderNames.ContentType)); } }

        /// <summary>The media type of Content-Type in lower case without parameters ("application/sdp"), or null.</summary>
        public string ContentMediaType
        {
            get
            {
                SipHeaderValue v = ContentType;
                return v == null ? null : SipText.LowerAscii(v.Value);
            }
        }

        /// <summary>The Content-Length header's value, or -1 when absent or malformed (<see cref="BodyLength"/> is the real length).</summary>
        public int ContentLength
        {
            get
            {
                long v = SipText.ParseNumber(GetHeader(SipHeaderNames.ContentLength));
                return v < 0 || v > int.MaxValue ? -1 : (int)v;
            }
        }

        /// <summary>Expires in seconds, or -1 when absent or malformed; values above int.MaxValue read as int.MaxValue.</summary>
        public int Expires { get { return Seconds(GetHeader(SipHeaderNames.Expires)); } }

        /// <summary>Min-Expires in seconds, or -1.</summary>
        public int MinExpires { get { return Seconds(GetHeader(SipHeaderNames.MinExpires)); } }

        /// <summary>Require option tags.</summary>
        public string[] Require { get { return GetHeaderValues(SipHeaderNames.Require); } }

        /// <summary>Proxy-Require option tags.</summary>
        public string[] ProxyRequire { get { return GetHeaderValues(SipHeaderNames.ProxyRequire); } }

        /// <summary>Supported option tags.</summary>
        public string[] Supported { get { return GetHeaderValues(SipHeaderNames.Supported); } }

        /// <summary>Unsupported option tags.</summary>
        public string[] Unsupported { get { return GetHeaderValues(SipHeaderNames.Unsupported); } }

        /// <summary>Allow methods.</summary>
        public string[] Allow { get { return GetHeaderValues(SipHeaderNames.Allow); } }

        /// <summary>Accept media ranges as written ("application/sdp", "*/*;q=0.5").</summary>
        public string[] Accept { get { return GetHeaderValues(SipHeaderNames.Accept); } }

        /// <summary>True when <paramref name="tag"/> is listed in Supported or Require (ASCII case-insensitive).</summary>
        public bool Supports(string tag)
        {
            return Contains(Supported, tag) || Contains(Require, tag);
        }

        /// <summary>Event ("dialog;id=7"), or null.</summary>
        public SipHeaderValue Event { get { return SipHeaderValue.Parse(GetHeader(SipHeaderNames.Event)); } }

        /// <summary>Subscription-State ("active;expires=600", "terminated;reason=timeout"), or null.</summary>
        public SipHeaderValue SubscriptionState { get { return SipHeaderValue.Parse(GetHeader(SipHeaderNames.SubscriptionState)); } }

        /// <summary>Replaces (RFC 3891): the call-id as <see cref="SipHeaderValue.Value"/>, to-tag, from-tag, early-only as parameters; or null.</summary>
        public SipHeaderValue Replaces { get { return SipHeaderValue.Parse(GetHeader(SipHeaderNames.Replaces)); } }

        /// <summary>Retry-After ("120 (comment);duration=60"), or null.</summary>
        public SipHeaderValue RetryAfter { get { return SipHeaderValue.Parse(GetHeader(SipHeaderNames.RetryAfter)); } }

        /// <summary>The Retry-After delay in seconds, or -1 when absent or malformed.</summary>
        public int RetryAfterSeconds
        {
            get
            {
                SipHeaderValue v = RetryAfter;
                if (v == null)
                {
                    return -1;
                }
                string s = v.Value;
                int end = 0;
                while (end < s.Length && s[end] >= '0' && s[end] <= '9') end++;
                return Seconds(s.Substring(0, end));
            }
        }

        /// <summary>WWW-Authenticate challenges, one per header line, raw (digest parameters are comma-separated).</summary>
        public string[] WwwAuthenticate { get { return GetHeaders(SipHeaderNames.WwwAuthenticate); } }

        /// <summary>Proxy-Authenticate challenges, one per header line, raw.</summary>
        public string[] ProxyAuthenticate { get { return GetHeaders(SipHeaderNames.ProxyAuthenticate); } }

        private SipNameAddr[] NameAddrList(string name)
        {
            string[] items = GetHeaderValues(name);
            SipNameAddr[] result = new SipNameAddr[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                result[i] = SipNameAddr.Parse(items[i]);
                if (result[i] == null)
                {
                    return null;
                }
            }
            return result;
        }

        private static int Seconds(string text)
        {
            long v = SipText.ParseNumber(text);
            return v < 0 ? -1 : (v > int.MaxValue ? int.MaxValue : (int)v);
        }

        private static bool Contains(string[] list, string item)
        {
            for (int i = 0; i < list.Length; i++)
            {
                if (SipText.EqualsIgnoreCase(list[i], item))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
