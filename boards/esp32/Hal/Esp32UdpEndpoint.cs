// A bound UDP port on the ESP32 with its receive thread.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// One UDP socket. A thread blocks in ReceiveFrom and hands each datagram to the handler with the
    /// sender's address (the string is reused while the sender stays the same, as RTP's does).
    /// </summary>
    internal sealed class Esp32UdpEndpoint : IUdpEndpoint
    {
        /// <summary>Largest datagram received whole (SIP over UDP stays below 1500 bytes).</summary>
        public const int MaxDatagram = 2048;

        private readonly object _gate = new object();
        private readonly Socket _socket;
        private readonly DatagramReceived _onDatagram;
        private readonly byte[] _buffer = new byte[MaxDatagram];
        private readonly ILog _log;
        private bool _closed;
        private string _sendAddress;
        private int _sendPort;
        private IPEndPoint _sendEndPoint;

        private Esp32UdpEndpoint(Socket socket, int localPort, DatagramReceived onDatagram, ILog log)
        {
            _socket = socket;
            LocalPort = localPort;
            _onDatagram = onDatagram;
            _log = log;
        }

        /// <summary>Binds <paramref name="localPort"/> (0 = any) and starts receiving; null when the port cannot be bound.</summary>
        public static Esp32UdpEndpoint Open(int localPort, DatagramReceived onDatagram, ILog log)
        {
            Socket socket = null;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Any, localPort));
                int port = ((IPEndPoint)socket.LocalEndPoint).Port;
                Esp32UdpEndpoint endpoint = new Esp32UdpEndpoint(socket, port, onDatagram, log);
                new Thread(endpoint.Receive).Start();
                return endpoint;
            }
            catch (Exception e)
            {
                log.Write(LogLevel.Warning, "net", "UDP port " + localPort.ToString() + ": " + e.Message);
                if (socket != null) socket.Close();
                return null;
            }
        }

        /// <inheritdoc/>
        public int LocalPort { get; private set; }

        /// <inheritdoc/>
        public bool SendTo(byte[] data, int offset, int count, string address, int port)
        {
            try
            {
                EndPoint to;
                lock (_gate)
                {
                    if (_closed) return false;
                    if (_sendEndPoint == null || address != _sendAddress || port != _sendPort)
                    {
                        _sendEndPoint = new IPEndPoint(IPAddress.Parse(address), port);
                        _sendAddress = address;
                        _sendPort = port;
                    }
                    to = _sendEndPoint;
                }
                return _socket.SendTo(data, offset, count, SocketFlags.None, to) == count;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            lock (_gate)
            {
                if (_closed) return;
                _closed = true;
            }
            _socket.Close(); // ReceiveFrom fails and the thread ends
        }

        private bool Closed
        {
            get { lock (_gate) { return _closed; } }
        }

        private void Receive()
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            IPEndPoint lastFrom = null;
            string lastAddress = null;
            while (!Closed)
            {
                int n;
                try
                {
                    n = _socket.ReceiveFrom(_buffer, 0, _buffer.Length, SocketFlags.None, ref from);
                }
                catch (Exception e)
                {
                    if (Closed) return;
                    _log.Write(LogLevel.Debug, "net", "UDP " + LocalPort.ToString() + " receive: " + e.Message);
                    Thread.Sleep(10); // e.g. ICMP port unreachable for an earlier send; do not spin
                    continue;
                }
                IPEndPoint sender = (IPEndPoint)from;
                if (lastFrom == null || !sender.Equals(lastFrom))
                {
                    lastFrom = sender;
                    lastAddress = sender.Address.ToString();
                }
                if (n > 0 && !Closed) _onDatagram(_buffer, 0, n, lastAddress, sender.Port);
            }
        }
    }
}
