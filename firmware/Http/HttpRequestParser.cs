// Cuts a byte stream into HTTP/1.1 requests, strictly and within fixed limits.
using System;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// An incremental request parser for one connection (RFC 9112). Bytes go in as they arrive, split
    /// anywhere; <see cref="Next"/> hands out whole requests in order, so several requests per
    /// connection work. Bodies only by Content-Length. It never throws for input: a refusal sets
    /// <see cref="ErrorStatus"/> (400 malformed, 413 body too large, 414 target too long, 431 head too
    /// large, 501 Transfer-Encoding, 505 version) and <see cref="ErrorReason"/>, and the parser stays failed.
    /// </summary>
    public sealed class HttpRequestParser
    {
        /// <summary>Largest request head (request line + header fields), in bytes.</summary>
        public const int MaxHeadBytes = 8 * 1024;
        /// <summary>Largest request body, in bytes.</summary>
        public const int MaxBodyBytes = 16 * 1024;
        /// <summary>Longest request target.</summary>
        public const int MaxTargetLength = 2048;

        private readonly byte[] _buffer = new byte[MaxHeadBytes + MaxBodyBytes];
        private int _count;
        private int _scanned;          // how far the head has been searched for its end
        private HttpRequest _pending;  // head read, body still arriving
        private int _headLength;
        private int _bodyLength;

        /// <summary>The status to refuse with after <see cref="HttpParse.Error"/>, else 0.</summary>
        public int ErrorStatus { get; private set; }

        /// <summary>Why, for the response body and the log.</summary>
        public string ErrorReason { get; private set; }

        /// <summary>True while bytes of a request not yet complete are held.</summary>
        public bool HasPartial { get { return _count > 0; } }

        /// <summary>
        /// Takes up to <paramref name="count"/> bytes; returns how many it took. Call <see cref="Next"/>
        /// until NeedMore, then offer the rest again.
        /// </summary>
        public int Append(byte[] data, int offset, int count)
        {
            if (ErrorStatus != 0) return count; // failed: the rest is ignored
            int room = _buffer.Length - _count;
            int n = count < room ? count : room;
            Array.Copy(data, offset, _buffer, _count, n);
            _count += n;
            return n;
        }

        /// <summary>The next whole request, if there is one.</summary>
        public HttpParse Next(out HttpRequest request)
        {
            request = null;
            if (ErrorStatus != 0) return HttpParse.Error;
            if (_pending == null)
            {
                SkipLeadingEmptyLines();
                string error;
                int end = HttpHead.FindEnd(_buffer, 0, _count, _scanned, out error);
                if (end == -2) return Fail(400, error);
                if (end == -1)
                {
                    _scanned = _count > 3 ? _count - 3 : 0;
                    if (_count > MaxHeadBytes) return Fail(431, "request head larger than " + MaxHeadBytes.ToString() + " bytes");
                    return HttpParse.NeedMore;
                }
                if (end > MaxHeadBytes) return Fail(431, "request head larger than " + MaxHeadBytes.ToString() + " bytes");
                HttpParse head = ReadHead(end);
                if (head != HttpParse.Request) return head;
            }
            if (_count < _headLength + _bodyLength) return HttpParse.NeedMore;
            byte[] body = new byte[_bodyLength];
            Array.Copy(_buffer, _headLength, body, 0, _bodyLength);
            request = new HttpRequest(_pending.Method, _pending.Target, _pending.MinorVersion, _pending.Headers, body);
            Consume(_headLength + _bodyLength);
            _pending = null;
            return HttpParse.Request;
        }

        private HttpParse ReadHead(int end)
        {
            string error;
            string[] lines = HttpHead.Lines(_buffer, 0, end, out error);
            if (lines == null) return Fail(400, error);
            if (lines.Length == 0) return Fail(400, "empty request");
            string line = lines[0];
            int sp1 = line.IndexOf(' ');
            int sp2 = sp1 < 0 ? -1 : line.IndexOf(' ', sp1 + 1);
            if (sp1 <= 0 || sp2 < 0 || line.IndexOf(' ', sp2 + 1) >= 0) return Fail(400, "request line is not 'METHOD target HTTP/1.1'");
            string method = line.Substring(0, sp1);
            string target = line.Substring(sp1 + 1, sp2 - sp1 - 1);
            string version = line.Substring(sp2 + 1);
            for (int i = 0; i < method.Length; i++)
            {
                if (!HttpHead.IsTokenChar(method[i])) return Fail(400, "method '" + HttpHead.Shown(method) + "' is not a token");
            }
            int minor = Version(version);
            if (minor == -1) return Fail(400, "'" + HttpHead.Shown(version) + "' is not an HTTP version");
            if (minor == -2) return Fail(505, "only HTTP/1.1 and HTTP/1.0 are spoken here");
            if (target.Length > MaxTargetLength) return Fail(414, "request target longer than " + MaxTargetLength.ToString() + " characters");
            if (target.Length == 0 || target[0] != '/') return Fail(400, "request target must be a path starting with '/'");
            for (int i = 0; i < target.Length; i++)
            {
                if (target[i] <= ' ' || target[i] > '~') return Fail(400, "request target has a character that must be %-encoded");
            }
            HttpHeaders headers = new HttpHeaders();
            int status = HttpHead.ReadFields(lines, headers, out error);
            if (status != 0) return Fail(status, error);
            if (minor == 1 && headers.CountOf("Host") != 1) return Fail(400, "an HTTP/1.1 request needs exactly one Host header");
            if (headers.Get("Transfer-Encoding") != null) return Fail(501, "Transfer-Encoding is not supported; send a Content-Length");
            int length = HttpHead.ContentLength(headers, MaxBodyBytes, out error);
            if (length == -2) return Fail(400, error);
            if (length > MaxBodyBytes) return Fail(413, "body larger than " + MaxBodyBytes.ToString() + " bytes");
            _pending = new HttpRequest(method, target, minor, headers, new byte[0]);
            _headLength = end;
            _bodyLength = length < 0 ? 0 : length;
            return HttpParse.Request;
        }

        /// <summary>1 or 0 for HTTP/1.x; -2 for another well-formed version; -1 for garbage.</summary>
        private static int Version(string v)
        {
            if (v.Length != 8 || !v.StartsWith("HTTP/") || v[6] != '.') return -1;
            char major = v[5];
            char minor = v[7];
            if (major < '0' || major > '9' || minor < '0' || minor > '9') return -1;
            if (major != '1') return -2;
            return minor == '0' ? 0 : 1;
        }

        /// <summary>RFC 9112 §2.2: a server ignores empty lines before the request line (left after a body by some clients).</summary>
        private void SkipLeadingEmptyLines()
        {
            int n = 0;
            while (n + 1 < _count && _buffer[n] == 13 && _buffer[n + 1] == 10) n += 2;
            if (n > 0) Consume(n);
        }

        private void Consume(int n)
        {
            Array.Copy(_buffer, n, _buffer, 0, _count - n);
            _count -= n;
            _scanned = 0;
        }

        private HttpParse Fail(int status, string reason)
        {
            ErrorStatus = status;
            ErrorReason = reason;
            _count = 0;
            _pending = null;
            return HttpParse.Error;
        }
    }
}
