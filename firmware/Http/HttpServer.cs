// An HTTP/1.1 server on the HAL's TCP listener, answering on the event loop.
using System.Collections;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// Listens on a port through <see cref="INetwork.ListenTcp"/>. HAL callbacks are posted into the
    /// loop; each connection has its own <see cref="HttpRequestParser"/>, so requests split across
    /// reads and several requests per connection work. A connection that has not completed a request
    /// within <see cref="RequestTimeoutMs"/> of opening or of its previous request is answered 408 and
    /// closed (slow or stalled clients cannot hold it). Bad input is answered with the parser's status
    /// and closed; a handler that throws gives 500. Nothing a client sends escapes as an exception.
    /// A streamed body (<see cref="HttpResponse.Stream"/>) goes out <see cref="PieceBytes"/> at a time
    /// whenever the stream has fewer than two pieces unsent (<see cref="ITcpConnection.Unsent"/>), so
    /// at most a few pieces of it are in RAM; a reader that takes nothing for <see cref="RequestTimeoutMs"/>
    /// is cut off.
    /// </summary>
    public sealed class HttpServer
    {
        private readonly INetwork _network;
        private readonly EventLoop _loop;
        private readonly ILog _log;
        private readonly IHttpHandler _handler;
        private readonly Hashtable _connections = new Hashtable(); // ITcpConnection -> HttpServerConnection
        private ITcpListener _listener;

        /// <summary>How long a connection may take for a whole request (or sit idle between requests).</summary>
        public int RequestTimeoutMs = 10000;

        /// <summary>Connections served at once; more are answered 503 and closed.</summary>
        public int MaxConnections = 4;

        /// <summary>How many bytes of a streamed body (<see cref="HttpResponse.Stream"/>) are read and sent at a time.</summary>
        public int PieceBytes = 4096;

        /// <summary>How often a streamed body checks whether the connection drained enough for the next piece.</summary>
        public int DrainCheckMs = 10;

        /// <summary>A server answering with <paramref name="handler"/>; call <see cref="Start"/>.</summary>
        public HttpServer(INetwork network, EventLoop loop, ILog log, IHttpHandler handler)
        {
            _network = network;
            _loop = loop;
            _log = log;
            _handler = handler;
        }

        /// <summary>The bound port (0 before Start).</summary>
        public int Port { get { return _listener == null ? 0 : _listener.LocalPort; } }

        /// <summary>How many connections are open.</summary>
        public int OpenConnections { get { return _connections.Count; } }

        /// <summary>Listens on <paramref name="port"/> (0 = any free); false when the port is taken.</summary>
        public bool Start(int port)
        {
            if (_listener != null) return true;
            _listener = _network.ListenTcp(port, OnAccepted, OnData, OnClosed);
            return _listener != null;
        }

        /// <summary>
        /// Listens for HTTPS only on <paramref name="port"/> with the PEM certificate and key
        /// (<see cref="INetwork.ListenTls"/>); false with <paramref name="error"/> when the network cannot
        /// serve TLS, the certificate or key is not usable, or the port is taken. Never falls back to HTTP.
        /// </summary>
        public bool StartTls(int port, byte[] certificatePem, byte[] privateKeyPem, out string error)
        {
            error = null;
            if (_listener != null) return true;
            _listener = _network.ListenTls(port, certificatePem, privateKeyPem, OnAccepted, OnData, OnClosed, out error);
            if (_listener == null && error == null) error = "the network cannot serve TLS";
            IsTls = _listener != null;
            return _listener != null;
        }

        /// <summary>True when started with <see cref="StartTls"/>.</summary>
        public bool IsTls { get; private set; }

        /// <summary>Stops listening and closes every connection.</summary>
        public void Stop()
        {
            if (_listener != null) { _listener.Close(); _listener = null; }
            ArrayList open = new ArrayList();
            foreach (object c in _connections.Values) open.Add(c);
            for (int i = 0; i < open.Count; i++) ((HttpServerConnection)open[i]).Close();
            _connections.Clear();
        }

        internal EventLoop Loop { get { return _loop; } }

        internal ILog Log { get { return _log; } }

        internal IHttpHandler Handler { get { return _handler; } }

        internal void Forget(HttpServerConnection connection)
        {
            _connections.Remove(connection.Stream);
        }

        // HAL threads: copy and post.
        private void OnAccepted(ITcpConnection connection)
        {
            _loop.Post(new Inbound(this, connection, null, false).Run);
        }

        private void OnData(ITcpConnection connection, byte[] data, int offset, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            _loop.Post(new Inbound(this, connection, copy, false).Run);
        }

        private void OnClosed(ITcpConnection connection, string reason)
        {
            _loop.Post(new Inbound(this, connection, null, true).Run);
        }

        /// <summary>The connection's state on the loop; made on its first event (data may overtake the accept across HAL threads).</summary>
        private HttpServerConnection Find(ITcpConnection stream, bool create)
        {
            HttpServerConnection c = _connections[stream] as HttpServerConnection;
            if (c != null || !create || _listener == null || !stream.IsOpen) return c; // late bytes of a stream already closed here: ignored
            c = new HttpServerConnection(this, stream);
            _connections[stream] = c;
            if (_connections.Count > MaxConnections)
            {
                _log.Write(LogLevel.Warning, "http", "too many connections: " + stream.RemoteAddress + " refused");
                c.Refuse(503, "too many connections");
                return null;
            }
            c.StartTimer();
            return c;
        }

        /// <summary>One HAL event on its way into the loop.</summary>
        private sealed class Inbound
        {
            private readonly HttpServer _server;
            private readonly ITcpConnection _stream;
            private readonly byte[] _data;
            private readonly bool _closed;

            public Inbound(HttpServer server, ITcpConnection stream, byte[] data, bool closed)
            {
                _server = server;
                _stream = stream;
                _data = data;
                _closed = closed;
            }

            public void Run()
            {
                HttpServerConnection c = _server.Find(_stream, !_closed);
                if (c == null) return;
                if (_closed) c.PeerClosed();
                else if (_data != null) c.Received(_data);
            }
        }
    }
}
