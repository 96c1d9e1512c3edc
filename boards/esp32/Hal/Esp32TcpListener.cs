// A listening TCP port on the ESP32 with its accept thread.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>Accepts connections on a thread and hands each to the accepted handler before it starts receiving.</summary>
    internal sealed class Esp32TcpListener : ITcpListener
    {
        private const int Backlog = 4;

        private readonly object _gate = new object();
        private readonly Socket _socket;
        private readonly StreamConnected _onAccepted;
        private readonly StreamReceived _onData;
        private readonly StreamClosed _onClosed;
        private bool _closed;

        private Esp32TcpListener(Socket socket, int port, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed)
        {
            _socket = socket;
            LocalPort = port;
            _onAccepted = onAccepted;
            _onData = onData;
            _onClosed = onClosed;
        }

        /// <summary>Listens on <paramref name="localPort"/> (0 = any); null when the port cannot be bound.</summary>
        public static Esp32TcpListener Listen(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, ILog log)
        {
            Socket socket = null;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, localPort));
                socket.Listen(Backlog);
                int port = ((IPEndPoint)socket.LocalEndPoint).Port;
                Esp32TcpListener listener = new Esp32TcpListener(socket, port, onAccepted, onData, onClosed);
                new Thread(listener.AcceptLoop).Start();
                return listener;
            }
            catch (Exception e)
            {
                log.Write(LogLevel.Warning, "net", "TCP listen " + localPort.ToString() + ": " + e.Message);
                if (socket != null) socket.Close();
                return null;
            }
        }

        /// <inheritdoc/>
        public int LocalPort { get; private set; }

        /// <inheritdoc/>
        public void Close()
        {
            lock (_gate)
            {
                if (_closed) return;
                _closed = true;
            }
            _socket.Close();
        }

        private void AcceptLoop()
        {
            while (true)
            {
                Socket accepted;
                try
                {
                    accepted = _socket.Accept();
                }
                catch (Exception)
                {
                    lock (_gate)
                    {
                        if (_closed) return;
                    }
                    Thread.Sleep(100);
                    continue;
                }
                Esp32TcpConnection connection = Esp32TcpConnection.Accepted(accepted, _onData, _onClosed);
                _onAccepted(connection);
                connection.StartReceiving();
            }
        }
    }
}
