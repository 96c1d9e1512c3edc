// A TCP stream on the ESP32: connect (or accept), a receive thread, sends queued until connected.
using System;
using System.Collections;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// One TCP connection. Connecting happens on the connection's own thread, which then receives;
    /// bytes sent before the connect completes are queued. The closed handler runs exactly once,
    /// whether the far end, an error or <see cref="Close"/> ends the stream.
    /// </summary>
    internal sealed class Esp32TcpConnection : ITcpConnection
    {
        private const int ReceiveBufferSize = 1460;

        private readonly object _gate = new object();
        private readonly byte[] _buffer = new byte[ReceiveBufferSize];
        private readonly StreamConnected _onConnected;
        private readonly StreamReceived _onData;
        private readonly StreamClosed _onClosed;
        private readonly string _tlsServerName;
        private Socket _socket;
        private ArrayList _pending = new ArrayList();
        private bool _open;
        private bool _closeRequested;
        private bool _closedReported;

        private Esp32TcpConnection(string address, int port, string tlsServerName,
            StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed)
        {
            RemoteAddress = address;
            RemotePort = port;
            _tlsServerName = tlsServerName;
            _onConnected = onConnected;
            _onData = onData;
            _onClosed = onClosed;
        }

        /// <summary>Starts connecting to <paramref name="address"/>:<paramref name="port"/>; the handlers report the outcome.</summary>
        public static Esp32TcpConnection Connect(string address, int port, string tlsServerName,
            StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed)
        {
            Esp32TcpConnection connection = new Esp32TcpConnection(address, port, tlsServerName, onConnected, onData, onClosed);
            new Thread(connection.ConnectAndReceive).Start();
            return connection;
        }

        /// <summary>Wraps a socket a listener accepted; call <see cref="StartReceiving"/> after reporting it.</summary>
        public static Esp32TcpConnection Accepted(Socket socket, StreamReceived onData, StreamClosed onClosed)
        {
            IPEndPoint remote = (IPEndPoint)socket.RemoteEndPoint;
            Esp32TcpConnection connection = new Esp32TcpConnection(remote.Address.ToString(), remote.Port, null, null, onData, onClosed);
            connection._socket = socket;
            connection._open = true;
            connection._pending = null;
            connection.LocalPort = ((IPEndPoint)socket.LocalEndPoint).Port;
            return connection;
        }

        /// <inheritdoc/>
        public string RemoteAddress { get; private set; }

        /// <inheritdoc/>
        public int RemotePort { get; private set; }

        /// <inheritdoc/>
        public int LocalPort { get; private set; }

        /// <inheritdoc/>
        public bool IsTls { get { return false; } }

        /// <inheritdoc/>
        public bool IsOpen
        {
            get { lock (_gate) { return _open && !_closeRequested; } }
        }

        /// <summary>Starts the receive thread of an accepted connection.</summary>
        public void StartReceiving()
        {
            new Thread(ReceiveLoop).Start();
        }

        /// <inheritdoc/>
        public bool Send(byte[] data, int offset, int count)
        {
            Socket socket;
            lock (_gate)
            {
                if (_closeRequested || _closedReported) return false;
                if (!_open)
                {
                    byte[] copy = new byte[count];
                    Array.Copy(data, offset, copy, 0, count);
                    _pending.Add(copy);
                    return true;
                }
                socket = _socket;
            }
            return SendAll(socket, data, offset, count);
        }

        /// <summary>0 once connected: <see cref="Send"/> writes to the socket before it returns. Before the connect, the queued bytes.</summary>
        public int Unsent
        {
            get
            {
                lock (_gate)
                {
                    int waiting = 0;
                    if (_pending != null) for (int i = 0; i < _pending.Count; i++) waiting += ((byte[])_pending[i]).Length;
                    return waiting;
                }
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            Socket socket;
            lock (_gate)
            {
                if (_closeRequested) return;
                _closeRequested = true;
                socket = _socket;
            }
            if (socket != null)
            {
                socket.Close(); // the receive thread fails and reports the close
            }
        }

        private void ConnectAndReceive()
        {
            if (_tlsServerName != null)
            {
                Finish("TLS is not supported on the ESP32 backend yet");
                return;
            }
            Socket socket = null;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint(IPAddress.Parse(RemoteAddress), RemotePort));
                LocalPort = ((IPEndPoint)socket.LocalEndPoint).Port;
            }
            catch (Exception e)
            {
                if (socket != null) socket.Close();
                Finish("connect failed: " + e.Message);
                return;
            }
            ArrayList pending;
            lock (_gate)
            {
                if (_closeRequested)
                {
                    socket.Close();
                    pending = null;
                }
                else
                {
                    _socket = socket;
                    _open = true;
                    pending = _pending;
                    _pending = null;
                }
            }
            if (pending == null)
            {
                Finish("closed");
                return;
            }
            _onConnected(this);
            for (int i = 0; i < pending.Count; i++)
            {
                byte[] bytes = (byte[])pending[i];
                if (!SendAll(socket, bytes, 0, bytes.Length)) break;
            }
            ReceiveLoop();
        }

        private void ReceiveLoop()
        {
            Socket socket;
            lock (_gate)
            {
                socket = _socket;
            }
            while (true)
            {
                int n;
                try
                {
                    n = socket.Receive(_buffer, 0, _buffer.Length, SocketFlags.None);
                }
                catch (Exception e)
                {
                    Finish(IsCloseRequested ? "closed" : "receive failed: " + e.Message);
                    return;
                }
                if (n <= 0)
                {
                    Finish(IsCloseRequested ? "closed" : "closed by the far end");
                    return;
                }
                _onData(this, _buffer, 0, n);
            }
        }

        private bool IsCloseRequested
        {
            get { lock (_gate) { return _closeRequested; } }
        }

        private bool SendAll(Socket socket, byte[] data, int offset, int count)
        {
            try
            {
                int sent = 0;
                while (sent < count)
                {
                    int n = socket.Send(data, offset + sent, count - sent, SocketFlags.None);
                    if (n <= 0) return false;
                    sent += n;
                }
                return true;
            }
            catch (Exception)
            {
                Close();
                return false;
            }
        }

        /// <summary>Reports the close once and releases the socket.</summary>
        private void Finish(string reason)
        {
            Socket socket;
            lock (_gate)
            {
                if (_closedReported) return;
                _closedReported = true;
                _open = false;
                socket = _socket;
                _socket = null;
            }
            if (socket != null)
            {
                try { socket.Close(); } catch (Exception) { }
            }
            _onClosed(this, reason);
        }
    }
}
