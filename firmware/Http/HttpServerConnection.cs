// One client connection of the HTTP server: parse, answer in order, time out, close.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>Lives on the loop. Answers each request as it completes; closes after an error, a timeout or Connection: close.</summary>
    internal sealed class HttpServerConnection
    {
        private readonly HttpServer _server;
        private readonly HttpRequestParser _parser = new HttpRequestParser();
        private LoopTimer _timer;
        private bool _closed;

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
            int offset = 0;
            int count = data.Length;
            while (!_closed)
            {
                int taken = _parser.Append(data, offset, count);
                offset += taken;
                count -= taken;
                HttpRequest request;
                HttpParse result;
                while (!_closed && (result = _parser.Next(out request)) != HttpParse.NeedMore)
                {
                    if (result == HttpParse.Error)
                    {
                        _server.Log.Write(LogLevel.Warning, "http", Stream.RemoteAddress + ": " + _parser.ErrorStatus.ToString() + " " + _parser.ErrorReason);
                        Refuse(_parser.ErrorStatus, _parser.ErrorReason);
                        return;
                    }
                    Answer(request);
                }
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
            byte[] bytes = response.ToBytes(close);
            Stream.Send(bytes, 0, bytes.Length);
            if (close) Close();
            else StartTimer();
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
            if (_closed) return;
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
            if (_timer != null) { _timer.Cancel(); _timer = null; }
            _server.Forget(this);
            Stream.Close();
        }
    }
}
