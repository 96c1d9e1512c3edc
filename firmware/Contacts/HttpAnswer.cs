// An HTTP/1.1 response read as its bytes arrive: status, framing (Content-Length, chunked, close), body.
using System.Text;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// Collects a response's bytes (at most a limit) and says when it is whole. Only what a lookup
    /// needs: the status code, and a body framed by Content-Length, chunked transfer coding, or the
    /// connection's close. Hostile input gives a problem sentence, never an exception.
    /// </summary>
    public sealed class HttpAnswer
    {
        private readonly int _limit;
        private byte[] _data = new byte[512];
        private int _count;
        private int _bodyStart = -1;
        private int _contentLength = -1;
        private bool _chunked;
        private byte[] _body;

        /// <summary>An answer of at most <paramref name="limit"/> bytes.</summary>
        public HttpAnswer(int limit)
        {
            _limit = limit;
        }

        /// <summary>The status code (0 before the headers are read).</summary>
        public int Status { get; private set; }

        /// <summary>True once the status line and headers are read.</summary>
        public bool HeadersRead { get { return _bodyStart >= 0; } }

        /// <summary>True when the body ends only with the connection (no length, not chunked).</summary>
        public bool EndsAtClose { get { return HeadersRead && _contentLength < 0 && !_chunked; } }

        /// <summary>True when the whole answer is here.</summary>
        public bool Complete { get { return _body != null; } }

        /// <summary>Adds bytes; a problem sentence when the answer is broken or too large, else null.</summary>
        public string Add(byte[] bytes)
        {
            if (_count + bytes.Length > _limit) return "the answer is larger than " + (_limit / 1024).ToString() + " KB";
            if (_count + bytes.Length > _data.Length)
            {
                int size = _data.Length * 2;
                while (size < _count + bytes.Length) size *= 2;
                byte[] bigger = new byte[size];
                System.Array.Copy(_data, 0, bigger, 0, _count);
                _data = bigger;
            }
            System.Array.Copy(bytes, 0, _data, _count, bytes.Length);
            _count += bytes.Length;
            if (_bodyStart < 0)
            {
                int end = IndexOf(_data, _count, 0, "\r\n\r\n");
                if (end < 0) return _count > 8192 ? "the answer's headers are longer than 8 KB" : null;
                string problem = ReadHead(end);
                if (problem != null) return problem;
                _bodyStart = end + 4;
            }
            return Frame();
        }

        /// <summary>The body as text (what came before the close when it ends at the close).</summary>
        public string BodyText()
        {
            byte[] body = _body;
            int n;
            if (body != null) n = body.Length;
            else { body = new byte[_count - _bodyStart]; System.Array.Copy(_data, _bodyStart, body, 0, body.Length); n = body.Length; }
            return n == 0 ? "" : new string(Encoding.UTF8.GetChars(body, 0, n));
        }

        private string ReadHead(int end)
        {
            string head = new string(Encoding.UTF8.GetChars(_data, 0, end));
            string[] lines = head.Split(new char[] { '\n' });
            string status = lines[0].Trim();
            if (status.Length < 12 || status.Substring(0, 7) != "HTTP/1." || status[8] != ' ') return "not an HTTP answer: '" + Shorten(status) + "'";
            int code = 0;
            for (int i = 9; i < 12; i++)
            {
                char c = status[i];
                if (c < '0' || c > '9') return "not an HTTP status: '" + Shorten(status) + "'";
                code = code * 10 + (c - '0');
            }
            Status = code;
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                int colon = line.IndexOf(':');
                if (colon <= 0) continue;
                string name = line.Substring(0, colon).Trim().ToLower();
                string value = line.Substring(colon + 1).Trim();
                if (name == "content-length")
                {
                    int n = 0;
                    if (value.Length == 0 || value.Length > 9) return "a Content-Length of '" + Shorten(value) + "'";
                    for (int k = 0; k < value.Length; k++)
                    {
                        if (value[k] < '0' || value[k] > '9') return "a Content-Length of '" + Shorten(value) + "'";
                        n = n * 10 + (value[k] - '0');
                    }
                    _contentLength = n;
                }
                else if (name == "transfer-encoding" && value.ToLower().IndexOf("chunked") >= 0) _chunked = true;
            }
            if (_chunked) _contentLength = -1;
            return null;
        }

        private string Frame()
        {
            int have = _count - _bodyStart;
            if (_contentLength >= 0)
            {
                if (_contentLength > _limit) return "the answer's body is larger than " + (_limit / 1024).ToString() + " KB";
                if (have >= _contentLength)
                {
                    _body = new byte[_contentLength];
                    System.Array.Copy(_data, _bodyStart, _body, 0, _contentLength);
                }
                return null;
            }
            if (_chunked) return Unchunk();
            return null;
        }

        /// <summary>Decodes the chunks when the last one (size 0) is here; null while more is needed.</summary>
        private string Unchunk()
        {
            byte[] body = new byte[_count - _bodyStart];
            int length = 0;
            int at = _bodyStart;
            while (true)
            {
                int eol = IndexOf(_data, _count, at, "\r\n");
                if (eol < 0) return null;
                int size = 0;
                int digits = 0;
                for (int i = at; i < eol; i++)
                {
                    int v = HexValue(_data[i]);
                    if (v < 0) { if (digits > 0 && (_data[i] == ';' || _data[i] == ' ')) break; return "a broken chunk size"; }
                    if (++digits > 6) return "a chunk larger than the answer may be";
                    size = size * 16 + v;
                }
                if (digits == 0) return "a broken chunk size";
                at = eol + 2;
                if (size == 0) { _body = new byte[length]; System.Array.Copy(body, 0, _body, 0, length); return null; }
                if (_count < at + size + 2) return null;
                System.Array.Copy(_data, at, body, length, size);
                length += size;
                at += size + 2;
            }
        }

        private static int HexValue(byte b)
        {
            if (b >= '0' && b <= '9') return b - '0';
            if (b >= 'a' && b <= 'f') return b - 'a' + 10;
            if (b >= 'A' && b <= 'F') return b - 'A' + 10;
            return -1;
        }

        private static int IndexOf(byte[] data, int count, int from, string pattern)
        {
            for (int i = from; i + pattern.Length <= count; i++)
            {
                int k = 0;
                while (k < pattern.Length && data[i + k] == pattern[k]) k++;
                if (k == pattern.Length) return i;
            }
            return -1;
        }

        private static string Shorten(string s)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.Length && i < 40; i++) sb.Append(s[i] < ' ' || s[i] > '~' ? '?' : s[i]);
            return sb.ToString();
        }
    }
}
