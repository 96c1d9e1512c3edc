// Reads one HTTP/1.1 response from a byte stream: head, then a Content-Length, chunked or until-close body.
using System;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// Incremental and bounded: at most <see cref="MaxHeadBytes"/> of head; of the body the first
    /// <see cref="BodyLimit"/> bytes (<see cref="MaxBodyBytes"/> unless told) are kept and the rest is
    /// read and dropped (a CRM's large error page still ends the exchange cleanly), or, when the reader
    /// is told to refuse larger bodies, the response fails as soon as it is known to be larger. The body
    /// buffer grows as bytes come, up to the limit. Never throws for input; a broken response sets <see cref="Error"/>.
    /// </summary>
    public sealed class HttpResponseReader
    {
        /// <summary>Largest response head.</summary>
        public const int MaxHeadBytes = 8 * 1024;
        /// <summary>Body bytes kept.</summary>
        public const int MaxBodyBytes = 16 * 1024;

        private const int Head = 0, Length = 1, ChunkSize = 2, ChunkData = 3, ChunkEnd = 4, Trailers = 5, UntilClose = 6, Done = 7, Failed = 8;

        private readonly byte[] _head = new byte[MaxHeadBytes];
        private int _headCount;
        private readonly int _bodyLimit;
        private readonly bool _refuseLarger;
        private byte[] _body = new byte[0];
        private int _bodyCount;
        private int _state;
        private long _remaining;
        private readonly byte[] _line = new byte[256];
        private int _lineCount;

        /// <summary>A reader keeping the first <see cref="MaxBodyBytes"/> of a body and dropping the rest.</summary>
        public HttpResponseReader() : this(MaxBodyBytes, false)
        {
        }

        /// <summary>
        /// A reader keeping at most <paramref name="bodyLimit"/> body bytes; with <paramref name="refuseLarger"/>
        /// a larger body fails the response ("body larger than 32768 bytes") instead of being cut.
        /// </summary>
        public HttpResponseReader(int bodyLimit, bool refuseLarger)
        {
            _bodyLimit = bodyLimit < 0 ? 0 : bodyLimit;
            _refuseLarger = refuseLarger;
        }

        /// <summary>Most body bytes kept.</summary>
        public int BodyLimit { get { return _bodyLimit; } }

        /// <summary>The status once the head is read, else 0.</summary>
        public int Status { get; private set; }

        /// <summary>The header fields once the head is read.</summary>
        public HttpHeaders Headers { get; private set; }

        /// <summary>Why the response is broken, or null.</summary>
        public string Error { get; private set; }

        /// <summary>True once the whole response is in.</summary>
        public bool IsComplete { get { return _state == Done; } }

        /// <summary>True when the body runs until the connection closes (no length given).</summary>
        public bool EndsAtClose { get { return _state == UntilClose; } }

        /// <summary>The body kept so far.</summary>
        public byte[] Body
        {
            get
            {
                byte[] b = new byte[_bodyCount];
                Array.Copy(_body, 0, b, 0, _bodyCount);
                return b;
            }
        }

        /// <summary>Feeds bytes; false once the response is broken (see <see cref="Error"/>).</summary>
        public bool Append(byte[] data, int offset, int count)
        {
            int end = offset + count;
            int i = offset;
            while (i < end && _state != Done && _state != Failed)
            {
                if (_state == Head) i = ReadHead(data, i, end);
                else if (_state == Length || _state == ChunkData || _state == UntilClose)
                {
                    int n = end - i;
                    if (_state != UntilClose && n > _remaining) n = (int)_remaining;
                    Keep(data, i, n);
                    if (_state == Failed) break;
                    i += n;
                    if (_state == UntilClose) continue;
                    _remaining -= n;
                    if (_remaining == 0) _state = _state == Length ? Done : ChunkEnd;
                }
                else i = ReadLine(data, i, end);
            }
            return _state != Failed;
        }

        private int ReadHead(byte[] data, int i, int end)
        {
            int room = _head.Length - _headCount;
            int n = end - i < room ? end - i : room;
            int before = _headCount;
            Array.Copy(data, i, _head, _headCount, n);
            _headCount += n;
            string error;
            int headEnd = HttpHead.FindEnd(_head, 0, _headCount, before > 3 ? before - 3 : 0, out error);
            if (headEnd == -2) { Fail(error); return end; }
            if (headEnd == -1)
            {
                if (_headCount == _head.Length) Fail("response head larger than " + MaxHeadBytes.ToString() + " bytes");
                return end;
            }
            int used = headEnd - before; // bytes of this chunk that belonged to the head
            StartBody(headEnd);
            return i + used;
        }

        private void StartBody(int headEnd)
        {
            string error;
            string[] lines = HttpHead.Lines(_head, 0, headEnd, out error);
            if (lines == null || lines.Length == 0) { Fail(error == null ? "empty response head" : error); return; }
            string l = lines[0];
            if (l.Length < 12 || !l.StartsWith("HTTP/1.") || l[8] != ' ' || (l.Length > 12 && l[12] != ' '))
            {
                Fail("status line '" + HttpHead.Shown(l) + "' is not 'HTTP/1.1 200 OK'");
                return;
            }
            int status = HttpHead.Digits(l.Substring(9, 3), 999);
            if (status < 100) { Fail("bad status code"); return; }
            Headers = new HttpHeaders();
            if (HttpHead.ReadFields(lines, Headers, out error) != 0) { Fail(error); return; }
            Status = status;
            if (status == 204 || status == 304 || status < 200) { _state = Done; return; } // no body (1xx are not expected: we send no Expect)
            if (Headers.HasToken("Transfer-Encoding", "chunked")) { _state = ChunkSize; return; }
            int length = HttpHead.ContentLength(Headers, int.MaxValue - 1, out error);
            if (length == -2) { Fail(error); return; }
            if (length < 0) { _state = UntilClose; return; }
            if (_refuseLarger && length > _bodyLimit) { TooLarge(); return; }
            _remaining = length;
            _state = length == 0 ? Done : Length;
        }

        /// <summary>Chunk-size lines, the CRLF after a chunk's data, and trailer lines (RFC 9112 §7.1).</summary>
        private int ReadLine(byte[] data, int i, int end)
        {
            while (i < end)
            {
                byte b = data[i++];
                if (b != 10)
                {
                    if (_lineCount == _line.Length) { Fail("chunk line too long"); return end; }
                    _line[_lineCount++] = b;
                    continue;
                }
                if (_lineCount == 0 || _line[_lineCount - 1] != 13) { Fail("bare LF in chunked body"); return end; }
                int len = _lineCount - 1;
                _lineCount = 0;
                if (_state == ChunkEnd)
                {
                    if (len != 0) { Fail("chunk data longer than its size"); return end; }
                    _state = ChunkSize;
                }
                else if (_state == Trailers)
                {
                    if (len == 0) _state = Done;
                }
                else
                {
                    long size = ChunkSizeOf(_line, len);
                    if (size < 0) { Fail("bad chunk size"); return end; }
                    if (size == 0) _state = Trailers;
                    else { _remaining = size; _state = ChunkData; }
                }
                return i;
            }
            return i;
        }

        private static long ChunkSizeOf(byte[] line, int len)
        {
            long n = 0;
            int digits = 0;
            for (int k = 0; k < len; k++)
            {
                int c = line[k];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0)
                {
                    if (c == ';' || c == ' ' || c == '\t') break; // chunk extensions are ignored
                    return -1;
                }
                if (++digits > 7) return -1; // 256 MB: more than any answer we want
                n = n * 16 + d;
            }
            return digits == 0 ? -1 : n;
        }

        private void Keep(byte[] data, int offset, int count)
        {
            int room = _bodyLimit - _bodyCount;
            int n = count < room ? count : room;
            if (n < count && _refuseLarger) { TooLarge(); return; }
            if (_bodyCount + n > _body.Length)
            {
                int size = _body.Length < 512 ? 512 : _body.Length * 2;
                while (size < _bodyCount + n) size *= 2;
                if (size > _bodyLimit) size = _bodyLimit;
                byte[] bigger = new byte[size];
                Array.Copy(_body, 0, bigger, 0, _bodyCount);
                _body = bigger;
            }
            Array.Copy(data, offset, _body, _bodyCount, n);
            _bodyCount += n;
        }

        private void TooLarge()
        {
            Fail("body larger than " + _bodyLimit.ToString() + " bytes");
        }

        /// <summary>The connection closed: a body that runs until close is complete now.</summary>
        public void Closed()
        {
            if (_state == UntilClose) _state = Done;
        }

        private void Fail(string error)
        {
            Error = error;
            _state = Failed;
        }
    }
}
