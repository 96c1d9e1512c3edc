// One request of the HttpClient: connect, send, read the response, time out.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>The life of one client request on the loop. Finishes exactly once.</summary>
    internal sealed class HttpExchange
    {
        private readonly HttpClient _client;
        private readonly HttpDone _done;
        private readonly HttpResponseReader _reader;
        private ITcpConnection _stream;
        private LoopTimer _timer;
        private bool _finished;
        private string _failure;

        public HttpExchange(HttpClient client, HttpDone done)
        {
            _client = client;
            _done = done;
            _reader = new HttpResponseReader(client.MaxBodyBytes, client.RefuseLargerBodies);
        }

        public void FailLater(string reason)
        {
            _failure = reason;
            _client.Loop.Post(Report);
        }

        public void Start(HttpUrl url, byte[] wire)
        {
            _timer = _client.Loop.StartTimer(_client.TimeoutMs, TimedOut);
            _stream = _client.Network.ConnectTcp(url.Host, url.Port, url.IsHttps ? url.Host : null, OnConnected, OnData, OnClosed);
            if (_stream == null) { Finish("cannot open a connection"); return; }
            _stream.Send(wire, 0, wire.Length); // queued until the connect completes
        }

        // HAL threads: post into the loop.
        private void OnConnected(ITcpConnection connection)
        {
        }

        private void OnData(ITcpConnection connection, byte[] data, int offset, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            _client.Loop.Post(new Bytes(this, copy).Run);
        }

        private void OnClosed(ITcpConnection connection, string reason)
        {
            _client.Loop.Post(new ClosedBy(this, reason).Run);
        }

        private void Received(byte[] data)
        {
            if (_finished) return;
            if (!_reader.Append(data, 0, data.Length)) { Finish("bad response: " + _reader.Error); return; }
            if (_reader.IsComplete) Finish(null);
        }

        private void Closed(string reason)
        {
            if (_finished) return;
            _reader.Closed();
            if (_reader.IsComplete) Finish(null);
            else Finish(_reader.Status == 0 ? reason : "response cut short: " + reason);
        }

        private void TimedOut()
        {
            _timer = null;
            Finish("timed out after " + _client.TimeoutMs.ToString() + " ms");
        }

        private void Finish(string error)
        {
            if (_finished) return;
            _finished = true;
            if (_timer != null) { _timer.Cancel(); _timer = null; }
            if (_stream != null) _stream.Close();
            _failure = error;
            Report();
        }

        private void Report()
        {
            _finished = true;
            HttpResult result = _failure != null
                ? new HttpResult(0, new HttpHeaders(), null, _failure)
                : new HttpResult(_reader.Status, _reader.Headers, _reader.Body, null);
            _done(result);
        }

        private sealed class Bytes
        {
            private readonly HttpExchange _x;
            private readonly byte[] _data;

            public Bytes(HttpExchange x, byte[] data) { _x = x; _data = data; }

            public void Run() { _x.Received(_data); }
        }

        private sealed class ClosedBy
        {
            private readonly HttpExchange _x;
            private readonly string _reason;

            public ClosedBy(HttpExchange x, string reason) { _x = x; _reason = reason; }

            public void Run() { _x.Closed(_reason); }
        }
    }
}
