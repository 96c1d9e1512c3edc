// Building messages: requests, responses per RFC 3261 §8.2.6, bodies, the top Via and RFC 3581 received/rport.
namespace DeskPhone.Firmware.Sip.Message
{
    public sealed partial class SipMessage
    {
        /// <summary>A request with no headers yet: "<paramref name="method"/> <paramref name="requestUri"/> SIP/2.0".</summary>
        public static SipMessage CreateRequest(string method, SipUri requestUri)
        {
            if (requestUri == null)
            {
                throw new System.ArgumentNullException("requestUri");
            }
            SipMessage m = CreateRequest(method, requestUri.ToString());
            m._uri = requestUri;
            m._uriParsed = true;
            return m;
        }

        /// <summary>A request whose Request-URI is given as text (any scheme, e.g. "tel:+15551234").</summary>
        public static SipMessage CreateRequest(string method, string requestUri)
        {
            if (!SipText.IsToken(method))
            {
                throw new System.ArgumentException("a method must be a token", "method");
            }
            if (requestUri == null || requestUri.Length == 0 || requestUri.IndexOf(' ') >= 0)
            {
                throw new System.ArgumentException("a Request-URI must be non-empty without spaces", "requestUri");
            }
            SipMessage m = new SipMessage();
            string known = SipMethods.Lookup(method);
            m._isRequest = true;
            m._method = known != null ? known : method;
            m._uriText = requestUri;
            string scheme = requestUri.IndexOf(':') < 0 ? "" : SipText.LowerAscii(requestUri.Substring(0, requestUri.IndexOf(':')));
            m._isSipUri = scheme == "sip" || scheme == "sips";
            return m;
        }

        /// <summary>A response with no headers yet; a null <paramref name="reason"/> takes the default phrase.</summary>
        public static SipMessage CreateResponse(int code, string reason)
        {
            if (code < 100 || code > 699)
            {
                throw new System.ArgumentOutOfRangeException("code");
            }
            SipMessage m = new SipMessage();
            m._status = code;
            m._reason = reason == null ? SipStatus.DefaultReason(code) : reason;
            return m;
        }

        /// <summary>
        /// A response to <paramref name="request"/> per RFC 3261 §8.2.6: the status line, then
        /// every Via (same order), From, To, Call-ID and CSeq copied as received (and Timestamp for
        /// a 100). Works on the partial message a <see cref="SipParseError"/> carries too: what is
        /// missing is left out.
        /// </summary>
        public static SipMessage CreateResponse(SipMessage request, int code, string reason)
        {
            return CreateResponse(request, code, reason, null);
        }

        /// <summary>
        /// Like <see cref="CreateResponse(SipMessage, int, string)"/>, and when <paramref name="toTag"/>
        /// is not null and To has no tag yet, adds ";tag=<paramref name="toTag"/>" to To (§8.2.6.2).
        /// </summary>
        public static SipMessage CreateResponse(SipMessage request, int code, string reason, string toTag)
        {
            SipMessage m = CreateResponse(code, reason);
            for (int i = 0; i < request._count; i++)
            {
                int id = request.IdAt(i);
                if (id == SipHeaderNames.IdVia || id == SipHeaderNames.IdFrom || id == SipHeaderNames.IdCallId ||
                    id == SipHeaderNames.IdCSeq || (id == SipHeaderNames.IdTimestamp && code == 100))
                {
                    m.AddHeader(SipHeaderNames.NameOf(id), request.HeaderValue(i));
                }
                else if (id == SipHeaderNames.IdTo)
                {
                    string to = request.HeaderValue(i);
                    if (toTag != null)
                    {
                        SipNameAddr addr = SipNameAddr.Parse(to);
                        if (addr != null && addr.Tag == null)
                        {
                            to = to + ";tag=" + toTag;
                        }
                    }
                    m.AddHeader(SipHeaderNames.To, to);
                }
            }
            return m;
        }

        /// <summary>Sets the body and Content-Type (null <paramref name="contentType"/> removes Content-Type); Content-Length follows on writing.</summary>
        public void SetBody(byte[] body, string contentType)
        {
            _body = body == null ? new byte[0] : body;
            _bodyStart = 0;
            _bodyLength = _body.Length;
            if (contentType == null)
            {
                RemoveHeaders(SipHeaderNames.ContentType);
            }
            else
            {
                SetHeader(SipHeaderNames.ContentType, contentType);
            }
        }

        /// <summary>Sets a UTF-8 text body (SDP, XML) and its Content-Type.</summary>
        public void SetBody(string body, string contentType)
        {
            SetBody(body == null ? null : SipText.Encode(body), contentType);
        }

        /// <summary>Replaces the first Via value with <paramref name="via"/>, keeping any further values on the same line.</summary>
        public void SetTopVia(SipVia via)
        {
            int i = IndexOfId(SipHeaderNames.IdVia, 0);
            if (i < 0)
            {
                InsertHeader(0, SipHeaderNames.Via, via.ToString());
                return;
            }
            string[] items = SipText.SplitList(HeaderValue(i));
            System.Text.StringBuilder sb = new System.Text.StringBuilder(via.ToString());
            for (int k = 1; k < items.Length; k++)
            {
                sb.Append(", ").Append(items[k]);
            }
            SetHeaderValue(i, sb.ToString());
        }

        /// <summary>
        /// What a server transport does to a request it received (RFC 3261 §18.2.1, RFC 3581 §4):
        /// adds received=<paramref name="sourceAddress"/> to the top Via when its host differs from
        /// it, and when the Via asks for rport, fills in rport=<paramref name="sourcePort"/> and always
        /// adds received. Returns false when there is no well-formed top Via.
        /// </summary>
        public bool ApplyReceived(string sourceAddress, int sourcePort)
        {
            SipVia top = TopVia;
            if (top == null)
            {
                return false;
            }
            bool rport = top.HasRport;
            bool differs = !SipText.EqualsIgnoreCase(top.Host, sourceAddress);
            if (!rport && !differs)
            {
                return true;
            }
            SipVia via = top.Clone();
            via.SetReceived(sourceAddress);
            if (rport)
            {
                via.SetRport(sourcePort);
            }
            SetTopVia(via);
            return true;
        }

        /// <summary>The message on the wire, with Content-Length set to the body's length.</summary>
        public byte[] ToBytes()
        {
            return SipWriter.ToBytes(this);
        }

        /// <summary>The message as text (UTF-8 decoded), for logs and tests.</summary>
        public override string ToString()
        {
            byte[] bytes = ToBytes();
            return SipText.Decode(bytes, 0, bytes.Length);
        }
    }
}
