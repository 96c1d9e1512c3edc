// Parses one SIP message from bytes (RFC 3261 §7, grammar §25; tolerances of RFC 4475) without throwing.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// Turns one UDP datagram, or one message cut out by <see cref="SipStreamFramer"/>, into a
    /// <see cref="SipMessage"/>. It never throws for bad input and runs in time linear in the
    /// input: one pass finds the start line and every header line (folding, CRLF or bare LF,
    /// any whitespace before ':'), then a few byte-level checks on the headers every layer relies
    /// on. Values become strings only when a caller asks (see SipMessage). The message keeps
    /// <c>data</c>: hand over a buffer you will not reuse.
    /// </summary>
    public static partial class SipParser
    {
        /// <summary>Largest message accepted; bigger input is refused with 513 before it is looked at.</summary>
        public const int MaxMessageBytes = 65535;

        private const byte CR = 13;
        private const byte LF = 10;
        private const byte SP = 32;
        private const byte HT = 9;

        /// <summary>
        /// Parses data[offset..offset+count) as one message. On success <paramref name="error"/> is
        /// null. On failure <paramref name="message"/> is null and <paramref name="error"/> says what
        /// to answer (or that a bad response is to be dropped). Bytes after the body that
        /// Content-Length announces are ignored (RFC 4475 dblreq); without Content-Length the body is
        /// the rest of the datagram (RFC 3261 §18.3, UDP only).
        /// </summary>
        public static bool TryParse(byte[] data, int offset, int count, out SipMessage message, out SipParseError error)
        {
            return TryParse(data, offset, count, MaxMessageBytes, out message, out error);
        }

        /// <summary>
        /// Like <see cref="TryParse(byte[], int, int, out SipMessage, out SipParseError)"/> with another
        /// size limit: a stream transport passes <see cref="SipStreamFramer.MaxMessageBytes"/> for the
        /// frames its framer cut out (bodies up to 64 KB plus 16 KB of headers).
        /// </summary>
        public static bool TryParse(byte[] data, int offset, int count, int maxBytes, out SipMessage message, out SipParseError error)
        {
            message = null;
            error = null;
            if (data == null || offset < 0 || count < 0 || offset > data.Length || count > data.Length - offset)
            {
                error = new SipParseError(400, "No message", false, null);
                return false;
            }
            if (count > maxBytes)
            {
                error = new SipParseError(513, "Message Too Large", StartsWithSip(data, offset, offset + count), null);
                return false;
            }
            int end = offset + count;
            int p = offset;
            while (p < end && (data[p] == CR || data[p] == LF))
            {
                p++; // RFC 3261 §7.5: CRLFs before the start line are ignored
            }
            if (p == end)
            {
                error = new SipParseError(400, "Empty message", false, null);
                return false;
            }
            bool response = StartsWithSip(data, p, end);
            SipMessage m = new SipMessage(data);
            int lineEnd = IndexOfLf(data, p, end);
            if (lineEnd < 0)
            {
                error = new SipParseError(400, "No end of line after the start line", response, null);
                return false;
            }
            int contentEnd = lineEnd > p && data[lineEnd - 1] == CR ? lineEnd - 1 : lineEnd;
            string problem = response
                ? ReadStatusLine(m, data, p, contentEnd)
                : ReadRequestLine(m, data, p, contentEnd);
            int status = problem == null ? 0 : (problem == VersionProblem ? 505 : 400);

            p = lineEnd + 1;
            bool terminated = false;
            while (p < end)
            {
                if (data[p] == LF)
                {
                    p++;
                    terminated = true;
                    break;
                }
                if (data[p] == CR && p + 1 < end && data[p + 1] == LF)
                {
                    p += 2;
                    terminated = true;
                    break;
                }
                p = ReadHeaderLine(m, data, p, end, ref status, ref problem);
            }
            if (!terminated && status == 0)
            {
                status = 400;
                problem = "Headers not terminated by an empty line";
            }
            int contentLength = -1;
            if (status == 0)
            {
                problem = CheckHeaders(m, data, out contentLength);
                if (problem != null)
                {
                    status = 400;
                }
            }
            if (status == 0 && contentLength > end - p)
            {
                status = 400;
                problem = "Content-Length larger than the message";
            }
            if (status != 0)
            {
                error = new SipParseError(status, problem, response, m);
                return false;
            }
            m.SetRawBody(p, contentLength >= 0 ? contentLength : end - p);
            message = m;
            return true;
        }

        /// <summary>Parses a whole array (see <see cref="TryParse(byte[], int, int, out SipMessage, out SipParseError)"/>).</summary>
        public static bool TryParse(byte[] data, out SipMessage message, out SipParseError error)
        {
            return TryParse(data, 0, data == null ? 0 : data.Length, out message, out error);
        }

        private const string VersionProblem = "Version Not Supported";

        /// <summary>"Method SP Request-URI SP SIP/2.0"; extra spaces between the parts and after the version are tolerated (RFC 4475 lwsstart, trws).</summary>
        private static string ReadRequestLine(SipMessage m, byte[] data, int start, int end)
        {
            int i = start;
            while (i < end && SipText.IsTokenChar(data[i]))
            {
                i++;
            }
            string method = null;
            if (i > start)
            {
                method = SipMethods.Lookup(data, start, i - start);
                if (method == null)
                {
                    method = SipText.Decode(data, start, i - start);
                }
            }
            m.SetRequestLine(method, -1, 0, false);
            if (i == start || i >= end || (data[i] != SP && data[i] != HT))
            {
                return "Bad request line";
            }
            int ve = end;
            while (ve > i && (data[ve - 1] == SP || data[ve - 1] == HT))
            {
                ve--;
            }
            int vs = ve;
            while (vs > i && data[vs - 1] != SP && data[vs - 1] != HT)
            {
                vs--;
            }
            int us = i;
            while (us < vs && (data[us] == SP || data[us] == HT))
            {
                us++;
            }
            int ue = vs;
            while (ue > us && (data[ue - 1] == SP || data[ue - 1] == HT))
            {
                ue--;
            }
            if (us >= ue)
            {
                return "Bad request line";
            }
            if (!IsVersion20(data, vs, ve))
            {
                return ve - vs >= 4 && SipText.EqualsIgnoreCase("sip/", data, vs) ? VersionProblem : "Bad request line";
            }
            for (int k = us; k < ue; k++)
            {
                if (data[k] == SP || data[k] == HT)
                {
                    return "Whitespace in the Request-URI";
                }
            }
            int colon = -1;
            for (int k = us; k < ue; k++)
            {
                byte b = data[k];
                if (b == ':')
                {
                    colon = k;
                    break;
                }
                bool alpha = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
                if (!alpha && (k == us || !((b >= '0' && b <= '9') || b == '+' || b == '-' || b == '.')))
                {
                    break;
                }
            }
            if (colon <= us || colon == ue - 1)
            {
                m.SetRequestLine(method, us, ue - us, false);
                return "Bad Request-URI";
            }
            int schemeLength = colon - us;
            bool sip = (schemeLength == 3 && SipText.EqualsIgnoreCase("sip", data, us)) ||
                       (schemeLength == 4 && SipText.EqualsIgnoreCase("sips", data, us));
            m.SetRequestLine(method, us, ue - us, sip);
            return null;
        }

        /// <summary>"SIP/2.0 SP 3DIGIT SP reason"; the reason may be empty (RFC 4475 noreason).</summary>
        private static string ReadStatusLine(SipMessage m, byte[] data, int start, int end)
        {
            m.SetStatusLine(0, -1, 0);
            int i = start;
            while (i < end && data[i] != SP && data[i] != HT)
            {
                i++;
            }
            if (!IsVersion20(data, start, i))
            {
                return VersionProblem;
            }
            while (i < end && (data[i] == SP || data[i] == HT))
            {
                i++;
            }
            int ds = i;
            while (i < end && data[i] >= '0' && data[i] <= '9')
            {
                i++;
            }
            if (i - ds != 3 || (i < end && data[i] != SP && data[i] != HT))
            {
                return "Bad status code";
            }
            int code = (data[ds] - '0') * 100 + (data[ds + 1] - '0') * 10 + (data[ds + 2] - '0');
            if (code < 100 || code > 699)
            {
                return "Bad status code";
            }
            int rs = i < end ? i + 1 : end;
            m.SetStatusLine(code, rs, end - rs);
            return null;
        }

        /// <summary>Reads one header line and its continuation lines; returns where the next line starts.</summary>
        private static int ReadHeaderLine(SipMessage m, byte[] data, int p, int end, ref int status, ref string problem)
        {
            int nameStart = p;
            while (p < end && SipText.IsTokenChar(data[p]))
            {
                p++;
            }
            int nameEnd = p;
            while (p < end && (data[p] == SP || data[p] == HT))
            {
                p++;
            }
            bool good = nameEnd > nameStart && p < end && data[p] == ':';
            if (good)
            {
                p++;
            }
            int stop;
            int next;
            bool continued = false;
            int q = p;
            while (true)
            {
                int lf = IndexOfLf(data, q, end);
                if (lf < 0)
                {
                    stop = end;
                    next = end;
                    break;
                }
                if (lf + 1 < end && (data[lf + 1] == SP || data[lf + 1] == HT))
                {
                    continued = true;
                    q = lf + 1;
                    continue;
                }
                stop = lf;
                next = lf + 1;
                break;
            }
            if (!good)
            {
                if (status == 0)
                {
                    status = 400;
                    problem = "Malformed header line";
                }
                return next;
            }
            int vs = p;
            int ve = stop;
            while (vs < ve && IsLws(data[vs]))
            {
                vs++;
            }
            while (ve > vs && IsLws(data[ve - 1]))
            {
                ve--;
            }
            bool folded = false;
            if (continued)
            {
                for (int k = vs; k < ve; k++)
                {
                    if (data[k] == LF || data[k] == CR)
                    {
                        folded = true;
                        break;
                    }
                }
            }
            int id = SipHeaderNames.IdOf(data, nameStart, nameEnd - nameStart);
            m.AddRawHeader(nameStart, nameEnd - nameStart, vs, ve - vs, id, folded);
            return next;
        }

        // ---- small byte helpers -------------------------------------------------------------

        private static bool IsLws(byte b)
        {
            return b == SP || b == HT || b == CR || b == LF;
        }

        private static int IndexOfLf(byte[] data, int from, int end)
        {
            for (int i = from; i < end; i++)
            {
                if (data[i] == LF)
                {
                    return i;
                }
            }
            return -1;
        }

        private static bool StartsWithSip(byte[] data, int p, int end)
        {
            return end - p >= 4 && SipText.EqualsIgnoreCase("sip/", data, p);
        }

        /// <summary>"SIP/2.0" in any case (RFC 3261 §7.1: the version string is case-insensitive).</summary>
        private static bool IsVersion20(byte[] data, int start, int end)
        {
            return end - start == 7 && SipText.EqualsIgnoreCase("sip/2.0", data, start);
        }
    }
}
