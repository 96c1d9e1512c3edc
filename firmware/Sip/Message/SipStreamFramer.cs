// Cuts a TCP/TLS byte stream into SIP messages by Content-Length (RFC 3261 §18.3) and spots RFC 5626 keep-alives.
using System.Collections;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>What <see cref="SipStreamFramer.Read"/> found.</summary>
    public enum SipFrameKind
    {
        /// <summary>Nothing complete yet: write more bytes.</summary>
        None = 0,
        /// <summary>One whole message (headers and body): parse it with <see cref="SipParser"/>.</summary>
        Message = 1,
        /// <summary>A keep-alive ping, "\r\n\r\n" (RFC 5626 §3.5.1): answer with "\r\n".</summary>
        Ping = 2,
        /// <summary>A keep-alive pong, "\r\n", the answer to our ping.</summary>
        Pong = 3,
        /// <summary>The stream broke a rule (see <see cref="SipStreamFramer.Error"/>): close the connection.</summary>
        Error = 4
    }

    /// <summary>
    /// One per stream connection. <see cref="Write"/> the bytes as they arrive, in chunks of any
    /// size, then <see cref="Read"/> until it says <see cref="SipFrameKind.None"/>. Messages come
    /// out as exact-size arrays, in order. Content-Length is required on streams; the header block
    /// may hold at most <see cref="MaxHeaderBytes"/> and the body <see cref="MaxBodyBytes"/>. A
    /// Content-Length above the limit fails as soon as the header block is complete, without
    /// buffering the body. After a failure every further Read says Error and writes are dropped:
    /// the transport closes the connection (the framing is lost). A ping split across writes after
    /// its first CRLF reads as two pongs: pongs are reported at once, never held back.
    /// </summary>
    public sealed class SipStreamFramer
    {
        /// <summary>Largest header block (start line to the empty line), in bytes.</summary>
        public const int MaxHeaderBytes = 16 * 1024;
        /// <summary>Largest body, in bytes.</summary>
        public const int MaxBodyBytes = 64 * 1024;
        /// <summary>Largest message a frame can hold; pass it to <see cref="SipParser.TryParse(byte[], int, int, int, out SipMessage, out SipParseError)"/>.</summary>
        public const int MaxMessageBytes = MaxHeaderBytes + MaxBodyBytes;

        private static readonly object PingMark = new object();
        private static readonly object PongMark = new object();

        private byte[] _buf = new byte[2048];
        private int _start;
        private int _end;
        private int _scan;
        private int _need = -1;
        private string _error;
        private readonly Queue _frames = new Queue();

        /// <summary>Why the framer failed ("Content-Length 100000 is above the 65536-byte limit"), or null.</summary>
        public string Error { get { return _error; } }

        /// <summary>True once the stream broke a rule; close the connection.</summary>
        public bool HasFailed { get { return _error != null; } }

        /// <summary>Bytes held for a message not yet complete.</summary>
        public int Buffered { get { return _end - _start; } }

        /// <summary>Takes the next chunk of the stream; returns false once the framer has failed.</summary>
        public bool Write(byte[] data, int offset, int count)
        {
            while (count > 0 && _error == null)
            {
                int have = _end - _start;
                int room = _need < 0 ? MaxHeaderBytes + 4 - have : _need - have;
                int take = count < room ? count : (room < 1 ? 1 : room);
                Append(data, offset, take);
                offset += take;
                count -= take;
                Frame();
            }
            return _error == null;
        }

        /// <summary>The next complete item: a message (in <paramref name="frame"/>), a ping, a pong, an error, or None.</summary>
        public SipFrameKind Read(out byte[] frame)
        {
            frame = null;
            if (_frames.Count > 0)
            {
                object item = _frames.Dequeue();
                if (item == PingMark)
                {
                    return SipFrameKind.Ping;
                }
                if (item == PongMark)
                {
                    return SipFrameKind.Pong;
                }
                frame = (byte[])item;
                return SipFrameKind.Message;
            }
            return _error != null ? SipFrameKind.Error : SipFrameKind.None;
        }

        private void Append(byte[] data, int offset, int count)
        {
            if (_end + count > _buf.Length)
            {
                int have = _end - _start;
                if (have + count <= _buf.Length)
                {
                    System.Array.Copy(_buf, _start, _buf, 0, have);
                }
                else
                {
                    int size = _buf.Length * 2;
                    while (size < have + count)
                    {
                        size *= 2;
                    }
                    byte[] bigger = new byte[size];
                    System.Array.Copy(_buf, _start, bigger, 0, have);
                    _buf = bigger;
                }
                _scan -= _start;
                _start = 0;
                _end = have;
            }
            System.Array.Copy(data, offset, _buf, _end, count);
            _end += count;
        }

        private void Frame()
        {
            while (_error == null)
            {
                if (_need < 0)
                {
                    if (_scan == _start)
                    {
                        int keepAlive = KeepAlive();
                        if (keepAlive > 0)
                        {
                            continue;
                        }
                        if (keepAlive < 0)
                        {
                            return;
                        }
                    }
                    int headerEnd = FindHeaderEnd();
                    if (headerEnd < 0)
                    {
                        if (_end - _start > MaxHeaderBytes)
                        {
                            Fail("Headers longer than " + MaxHeaderBytes.ToString() + " bytes");
                        }
                        return;
                    }
                    if (headerEnd - _start > MaxHeaderBytes)
                    {
                        Fail("Headers longer than " + MaxHeaderBytes.ToString() + " bytes");
                        return;
                    }
                    long length = ContentLength(_start, headerEnd);
                    if (length == -1)
                    {
                        Fail("Missing Content-Length on a stream");
                        return;
                    }
                    if (length < 0)
                    {
                        Fail("Bad Content-Length");
                        return;
                    }
                    if (length > MaxBodyBytes)
                    {
                        Fail("Content-Length " + length.ToString() + " is above the " + MaxBodyBytes.ToString() + "-byte limit");
                        return;
                    }
                    _need = headerEnd - _start + (int)length;
                }
                if (_end - _start < _need)
                {
                    return;
                }
                byte[] message = new byte[_need];
                System.Array.Copy(_buf, _start, message, 0, _need);
                _frames.Enqueue(message);
                _start += _need;
                _scan = _start;
                _need = -1;
                if (_start == _end)
                {
                    _start = 0;
                    _end = 0;
                    _scan = 0;
                }
            }
        }

        /// <summary>
        /// At a message boundary: reports CRLFCRLF as a ping and a lone CRLF as a pong, skips stray
        /// CR or LF bytes. Returns 1 when it consumed something, 0 when a message starts here, -1
        /// when it needs another byte to tell.
        /// </summary>
        private int KeepAlive()
        {
            int have = _end - _start;
            if (have == 0)
            {
                return -1;
            }
            byte b0 = _buf[_start];
            if (b0 == 10)
            {
                Consume(1);
                return 1;
            }
            if (b0 != 13)
            {
                return 0;
            }
            if (have < 2)
            {
                return -1;
            }
            if (_buf[_start + 1] != 10)
            {
                Consume(1);
                return 1;
            }
            if (have >= 4 && _buf[_start + 2] == 13 && _buf[_start + 3] == 10)
            {
                _frames.Enqueue(PingMark);
                Consume(4);
                return 1;
            }
            if (have == 3 && _buf[_start + 2] == 13)
            {
                return -1; // "\r\n\r": the next byte says ping or pong
            }
            _frames.Enqueue(PongMark);
            Consume(2);
            return 1;
        }

        private void Consume(int n)
        {
            _start += n;
            _scan = _start;
        }

        /// <summary>Index after the empty line ending the header block, or -1; resumes where the last search stopped.</summary>
        private int FindHeaderEnd()
        {
            int i = _scan;
            while (i < _end)
            {
                if (_buf[i] == 10)
                {
                    if (i + 1 < _end && _buf[i + 1] == 10)
                    {
                        return i + 2;
                    }
                    if (i + 2 < _end && _buf[i + 1] == 13 && _buf[i + 2] == 10)
                    {
                        return i + 3;
                    }
                    if (i + 2 >= _end)
                    {
                        break; // the empty line may still be on its way
                    }
                }
                i++;
            }
            _scan = i > _start ? i : _start;
            if (_scan == _start && _end > _start)
            {
                _scan = _start + 1; // past the boundary: this is a message, not a keep-alive
            }
            return -1;
        }

        /// <summary>The Content-Length (or "l") value in the header block; -1 when absent, -2 when malformed or repeated with another value.</summary>
        private long ContentLength(int start, int end)
        {
            long found = -1;
            int p = start;
            while (p < end)
            {
                int lineEnd = p;
                while (lineEnd < end && _buf[lineEnd] != 10)
                {
                    lineEnd++;
                }
                int n = p;
                while (n < lineEnd && SipText.IsTokenChar(_buf[n]))
                {
                    n++;
                }
                int c = n;
                while (c < lineEnd && (_buf[c] == 32 || _buf[c] == 9))
                {
                    c++;
                }
                if (c < lineEnd && _buf[c] == ':' && SipHeaderNames.IdOf(_buf, p, n - p) == SipHeaderNames.IdContentLength)
                {
                    int vs = c + 1;
                    int ve = lineEnd;
                    while (vs < ve && (_buf[vs] == 32 || _buf[vs] == 9)) vs++;
                    while (ve > vs && (_buf[ve - 1] == 32 || _buf[ve - 1] == 9 || _buf[ve - 1] == 13)) ve--;
                    long value = 0;
                    if (ve == vs)
                    {
                        return -2;
                    }
                    for (int k = vs; k < ve; k++)
                    {
                        if (_buf[k] < '0' || _buf[k] > '9')
                        {
                            return -2;
                        }
                        if (value < 100000000000L)
                        {
                            value = value * 10 + (_buf[k] - '0');
                        }
                    }
                    if (found >= 0 && found != value)
                    {
                        return -2;
                    }
                    found = value;
                }
                p = lineEnd + 1;
            }
            return found;
        }

        private void Fail(string reason)
        {
            _error = reason;
            _start = 0;
            _end = 0;
            _scan = 0;
            _need = -1;
        }
    }
}
