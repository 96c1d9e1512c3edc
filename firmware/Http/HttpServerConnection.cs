// One client connection of the HTTP server: parse, answer in order, stream long bodies as it drains, time out, close.
using System.Collections;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// Lives on the loop. Answers each request as it completes; closes after an error, a timeout or
    /// Connection: close. While a streamed body is going out, later requests wait (their bytes are
    /// kept, up to <see cref="MaxWaitingBytes"/>) and are answered after it, in order.
    /// </summary>
    internal sealed class HttpServerConnection
    {
        /// <summary>
        /// Pieces sent in one turn of the loop at most. Where <see cref="ITcpConnection.Unsent"/> stays 0
        /// (the ESP32's Send writes before it returns) this keeps a long download from holding the loop:
        /// the phone's calls and keys get their turns between every few pieces.
        /// </summary>
        public const int MaxPiecesPerTurn = 4;

        /// <summary>Bytes of pipelined requests kept while a body streams; more cut the connection.</summary>
        public const int MaxWaitingBytes = 32 * 1024;

        private readonly HttpServer _server;
        private readonly HttpRequestParser _parser = new HttpRequestParser();
        private LoopTimer _timer;
        private bool _closed;

        // The body being streamed, or null.
        private IHttpBodySource _body;
        private byte[] _piece;
        private int _position;
        private bool _closeAfterBody;
        private int _lastUnsent;
        private int _stalledMs;
        private ArrayList _waiting; // byte[] received while streaming
        private int _waitingBytes;

        public HttpServerConnection(HttpServer server, ITcpConnection stream)
        {
            _server = server;
            Stream = stream;
        }

        public ITcpConnection Stream;

        public void StartTimer()
        {
            if (_timer != null) _timer.Cancel();
            _timer = _server.Loop.StartTimer(_server.RequestTimeoutMs, TimedOut);
        }

        public void Received(byte[] data)
        {
            Received(data, 0, data.Length);
        }

        private void Received(byte[] data, int offset, int count)
        {
            if (_body != null) { Wait(data, offset, count); return; }
            while (!_closed)
            {
                int taken = _parser.Append(data, offset, count);
                offset += taken;
                count -= taken;
                HttpRequest request;
                HttpParse result;
                while (!_closed && _body == null && (result = _parser.Next(out request)) != HttpParse.NeedMore)
                {
                    if (result == HttpParse.Error)
                    {
                        _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": " + _parser.ErrorStatus.ToString() + " " + _parser.ErrorReason);
                        Refuse(_parser.ErrorStatus, _parser.ErrorReason);
                        return;
                    }
                    Answer(request);
                }
                if (_body != null) { Wait(data, offset, count); return; }
                if (count == 0) return;
                if (taken == 0 && !_closed)
                {
                    Refuse(431, "request too large"); // cannot happen within the parser's limits; never spin
                    return;
                }
            }
        }

        private void Answer(HttpRequest request)
        {
            request.RemoteAddress = Stream.RemoteAddress;
            HttpResponse response = new HttpResponse();
            try
            {
                _server.Handler.Handle(request, response);
            }
            catch (System.Exception e)
            {
                _server.Log.Write(LogLevel.Error, "http", request.Method + " " + HttpHead.Shown(request.Path) + " failed: " + e.Message);
                response = new HttpResponse();
                response.Error(500, "internal error");
            }
            bool close = !request.KeepAlive;
            if (response.BodySource != null && request.Method != "HEAD")
            {
                byte[] head = response.HeadBytes(close);
                Stream.Send(head, 0, head.Length);
                StartBody(response.BodySource, close);
                return;
            }
            byte[] bytes = request.Method == "HEAD" ? response.HeadBytes(close) : response.ToBytes(close);
            Stream.Send(bytes, 0, bytes.Length);
            if (close) Close();
            else StartTimer();
        }

        /// <summary>Begins sending <paramref name="body"/> piece by piece; the request timer rests meanwhile (a stall has its own limit).</summary>
        private void StartBody(IHttpBodySource body, bool closeAfter)
        {
            if (_timer != null) { _timer.Cancel(); _timer = null; }
            _body = body;
            _position = 0;
            _closeAfterBody = closeAfter;
            _stalledMs = 0;
            _lastUnsent = Stream.Unsent;
            if (_piece == null || _piece.Length != _server.PieceBytes) _piece = new byte[_server.PieceBytes];
            Pump();
        }

        /// <summary>Sends pieces while fewer than two are unsent; checks again after <see cref="HttpServer.DrainCheckMs"/>.</summary>
        private void Pump()
        {
            _timer = null;
            if (_closed || _body == null) return;
            int length = _body.Length;
            int unsent = Stream.Unsent;
            bool moved = unsent < _lastUnsent;
            int sent = 0;
            while (_position < length && unsent < 2 * _piece.Length && sent < MaxPiecesPerTurn)
            {
                int want = length - _position < _piece.Length ? length - _position : _piece.Length;
                int n = _body.Read(_position, _piece, 0, want);
                if (n <= 0)
                {
                    _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": body could not be read at byte " + _position.ToString() + " of " + length.ToString() + "; connection cut");
                    Close();
                    return;
                }
                if (!Stream.Send(_piece, 0, n)) { Close(); return; }
                _position += n;
                sent++;
                moved = true;
                unsent = Stream.Unsent;
            }
            _lastUnsent = unsent;
            if (_position >= length) { FinishBody(); return; }
            _stalledMs = moved ? 0 : _stalledMs + _server.DrainCheckMs;
            if (_stalledMs >= _server.RequestTimeoutMs)
            {
                _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": took nothing of the body for " + _server.RequestTimeoutMs.ToString() + " ms; connection cut at byte " + _position.ToString() + " of " + length.ToString());
                Close();
                return;
            }
            _timer = _server.Loop.StartTimer(_server.DrainCheckMs, Pump);
        }

        /// <summary>The whole body is sent: close, or answer what arrived meanwhile.</summary>
        private void FinishBody()
        {
            _body = null;
            if (_closeAfterBody) { Close(); return; }
            StartTimer();
            ArrayList waiting = _waiting;
            _waiting = null;
            _waitingBytes = 0;
            Received(new byte[0], 0, 0); // requests already in the parser
            if (waiting == null) return;
            for (int i = 0; i < waiting.Count && !_closed; i++)
            {
                byte[] b = (byte[])waiting[i];
                Received(b, 0, b.Length);
            }
        }

        /// <summary>Keeps bytes that arrive while a body streams.</summary>
        private void Wait(byte[] data, int offset, int count)
        {
            if (count <= 0) return;
            _waitingBytes += count;
            if (_waitingBytes > MaxWaitingBytes)
            {
                _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": over " + MaxWaitingBytes.ToString() + " bytes of requests while a body was sent; connection cut");
                Close();
                return;
            }
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            if (_waiting == null) _waiting = new ArrayList();
            _waiting.Add(copy);
        }

        /// <summary>Answers <paramref name="status"/> with the reason and closes.</summary>
        public void Refuse(int status, string reason)
        {
            HttpResponse response = new HttpResponse();
            response.Error(status, reason);
            byte[] bytes = response.ToBytes(true);
            Stream.Send(bytes, 0, bytes.Length);
            Close();
        }

        private void TimedOut()
        {
            _timer = null;
            if (_closed || _body != null) return;
            if (_parser.HasPartial)
            {
                _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": request not complete within " + _server.RequestTimeoutMs.ToString() + " ms, closed");
                Refuse(408, "request not complete in time");
            }
            else Close();
        }

        public void PeerClosed()
        {
            if (_closed) return;
            Close();
        }

        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _body = null;
            _waiting = null;
            if (_timer != null) { _timer.Cancel(); _timer = null; }
            _server.Forget(this);
            Stream.Close();
        }
    }
}
