// The byte-level checks every parsed message passes: mandatory and single headers, CSeq, Max-Forwards, Content-Length, Via.
namespace DeskPhone.Firmware.Sip.Message
{
    public static partial class SipParser
    {
        /// <summary>
        /// Checks the headers the transaction and dialog layers depend on, without making strings:
        /// Via, From, To, Call-ID and CSeq present (RFC 3261 §8.1.1); Call-ID, From, To, CSeq,
        /// Max-Forwards, Content-Length and Content-Type not repeated (RFC 4475 multi01, mcl01);
        /// CSeq a number below 2^32 and the request's method; Max-Forwards 0-255; Content-Length
        /// digits; each Via value well-formed (RFC 4475 badinv01). Returns the problem or null.
        /// </summary>
        private static string CheckHeaders(SipMessage m, byte[] data, out int contentLength)
        {
            contentLength = -1;
            int via = -1, from = -1, to = -1, callId = -1, cseq = -1, maxForwards = -1, length = -1, type = -1;
            for (int i = 0; i < m.HeaderCount; i++)
            {
                int id = m.IdAt(i);
                switch (id)
                {
                    case SipHeaderNames.IdVia:
                        if (via < 0) via = i;
                        int vs, vl;
                        m.RawSpan(i, out vs, out vl);
                        if (!ViaIsWellFormed(data, vs, vs + vl))
                        {
                            return "Bad Via";
                        }
                        break;
                    case SipHeaderNames.IdFrom:
                        if (from >= 0) return "Duplicate From";
                        from = i;
                        break;
                    case SipHeaderNames.IdTo:
                        if (to >= 0) return "Duplicate To";
                        to = i;
                        break;
                    case SipHeaderNames.IdCallId:
                        if (callId >= 0) return "Duplicate Call-ID";
                        callId = i;
                        break;
                    case SipHeaderNames.IdCSeq:
                        if (cseq >= 0) return "Duplicate CSeq";
                        cseq = i;
                        break;
                    case SipHeaderNames.IdMaxForwards:
                        if (maxForwards >= 0) return "Duplicate Max-Forwards";
                        maxForwards = i;
                        break;
                    case SipHeaderNames.IdContentLength:
                        if (length >= 0) return "Duplicate Content-Length";
                        length = i;
                        break;
                    case SipHeaderNames.IdContentType:
                        if (type >= 0) return "Duplicate Content-Type";
                        type = i;
                        break;
                }
            }
            string missing = Missing(callId, SipHeaderNames.CallId, null);
            missing = Missing(from, SipHeaderNames.From, missing);
            missing = Missing(to, SipHeaderNames.To, missing);
            missing = Missing(cseq, SipHeaderNames.CSeq, missing);
            missing = Missing(via, SipHeaderNames.Via, missing);
            if (missing != null)
            {
                return "Missing " + missing;
            }
            int s, l;
            m.RawSpan(callId, out s, out l);
            if (l == 0 || ContainsLws(data, s, s + l))
            {
                return "Bad Call-ID";
            }
            m.RawSpan(from, out s, out l);
            if (l == 0)
            {
                return "Bad From";
            }
            m.RawSpan(to, out s, out l);
            if (l == 0)
            {
                return "Bad To";
            }
            m.RawSpan(cseq, out s, out l);
            string cseqProblem = CheckCSeq(m, data, s, s + l);
            if (cseqProblem != null)
            {
                return cseqProblem;
            }
            if (maxForwards >= 0)
            {
                m.RawSpan(maxForwards, out s, out l);
                long mf = Digits(data, s, s + l);
                if (mf < 0 || mf > 255)
                {
                    return "Bad Max-Forwards";
                }
            }
            if (length >= 0)
            {
                m.RawSpan(length, out s, out l);
                long cl = Digits(data, s, s + l);
                if (cl < 0)
                {
                    return "Bad Content-Length";
                }
                contentLength = cl > int.MaxValue / 2 ? int.MaxValue / 2 : (int)cl;
            }
            return null;
        }

        private static string Missing(int index, string name, string sofar)
        {
            if (index >= 0)
            {
                return sofar;
            }
            return sofar == null ? name : sofar + ", " + name;
        }

        /// <summary>CSeq = 1*DIGIT LWS Method, the number below 2^32 and, in a request, the method the request line names.</summary>
        private static string CheckCSeq(SipMessage m, byte[] data, int start, int end)
        {
            int i = start;
            long n = 0;
            while (i < end && data[i] >= '0' && data[i] <= '9')
            {
                if (n <= 4294967295L)
                {
                    n = n * 10 + (data[i] - '0');
                }
                i++;
            }
            if (i == start || n > 4294967295L)
            {
                return "Bad CSeq";
            }
            int ws = i;
            while (i < end && IsLws(data[i]))
            {
                i++;
            }
            int ms = i;
            while (i < end && SipText.IsTokenChar(data[i]))
            {
                i++;
            }
            if (ws == ms || ms == i || i != end)
            {
                return "Bad CSeq";
            }
            if (m.IsRequest && m.Method != null && !SameText(m.Method, data, ms, i))
            {
                return "CSeq method does not match the request method";
            }
            return null;
        }

        /// <summary>All digits (leading zeros allowed) as a number, capped above 2^40; -1 when empty or not all digits.</summary>
        private static long Digits(byte[] data, int start, int end)
        {
            if (end <= start)
            {
                return -1;
            }
            long n = 0;
            for (int i = start; i < end; i++)
            {
                byte b = data[i];
                if (b < '0' || b > '9')
                {
                    return -1;
                }
                if (n < 1099511627776L)
                {
                    n = n * 10 + (b - '0');
                }
            }
            return n;
        }

        private static bool SameText(string s, byte[] data, int start, int end)
        {
            if (end - start != s.Length)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (data[start + i] != s[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool ContainsLws(byte[] data, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (IsLws(data[i]))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// via-parm *(COMMA via-parm), via-parm = token SLASH token SLASH token LWS sent-by
        /// *(SEMI token [EQUAL value]); whitespace (folds included) allowed around the separators.
        /// </summary>
        private static bool ViaIsWellFormed(byte[] data, int i, int end)
        {
            while (true)
            {
                i = SkipLws(data, i, end);
                i = ExpectToken(data, i, end);
                if (i < 0 || (i = ExpectChar(data, SkipLws(data, i, end), end, '/')) < 0) return false;
                i = ExpectToken(data, SkipLws(data, i, end), end);
                if (i < 0 || (i = ExpectChar(data, SkipLws(data, i, end), end, '/')) < 0) return false;
                i = ExpectToken(data, SkipLws(data, i, end), end);
                if (i < 0 || i >= end || !IsLws(data[i])) return false;
                i = SkipLws(data, i, end);
                int hs = i;
                if (i < end && data[i] == '[')
                {
                    while (i < end && data[i] != ']') i++;
                    if (i == end) return false;
                    i++;
                }
                else
                {
                    while (i < end && SipVia.IsHostChar(data[i])) i++;
                }
                if (i == hs) return false;
                i = SkipLws(data, i, end);
                if (i < end && data[i] == ':')
                {
                    i = SkipLws(data, i + 1, end);
                    int ps = i;
                    long port = 0;
                    while (i < end && data[i] >= '0' && data[i] <= '9' && i - ps < 6)
                    {
                        port = port * 10 + (data[i] - '0');
                        i++;
                    }
                    if (i == ps || port < 1 || port > 65535) return false;
                    i = SkipLws(data, i, end);
                }
                while (i < end && data[i] == ';')
                {
                    i = ExpectToken(data, SkipLws(data, i + 1, end), end);
                    if (i < 0) return false;
                    i = SkipLws(data, i, end);
                    if (i < end && data[i] == '=')
                    {
                        i = SkipLws(data, i + 1, end);
                        int vs = i;
                        if (i < end && data[i] == '"')
                        {
                            i++;
                            while (i < end && data[i] != '"')
                            {
                                i += data[i] == '\\' ? 2 : 1;
                            }
                            if (i >= end) return false;
                            i++;
                        }
                        else
                        {
                            while (i < end && !IsLws(data[i]) && data[i] != ';' && data[i] != ',' && data[i] != '"') i++;
                        }
                        if (i == vs) return false;
                        i = SkipLws(data, i, end);
                    }
                }
                if (i == end) return true;
                if (data[i] != ',') return false;
                i++;
            }
        }

        private static int SkipLws(byte[] data, int i, int end)
        {
            while (i < end && IsLws(data[i])) i++;
            return i;
        }

        private static int ExpectToken(byte[] data, int i, int end)
        {
            int s = i;
            while (i < end && SipText.IsTokenChar(data[i])) i++;
            return i == s ? -1 : i;
        }

        private static int ExpectChar(byte[] data, int i, int end, char c)
        {
            return i < end && data[i] == c ? i + 1 : -1;
        }
    }
}
