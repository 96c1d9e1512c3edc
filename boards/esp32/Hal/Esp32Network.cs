// The network on the ESP32: nanoFramework sockets behind the HAL's UDP, TCP and listener interfaces.
using System.Net.NetworkInformation;
using System.Threading;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// UDP endpoints, TCP streams and listeners on nanoFramework's System.Net.Sockets. Each open
    /// socket has a receive thread that calls the handlers; nothing here throws for network
    /// conditions. TLS is not offered yet (<see cref="SupportsTls"/> is false): use UDP or TCP accounts.
    /// </summary>
    public sealed class Esp32Network : INetwork
    {
        private readonly string _localAddress;
        private readonly ILog _log;

        /// <summary>The network of a board whose address is <paramref name="localAddress"/>.</summary>
        public Esp32Network(string localAddress, ILog log)
        {
            _localAddress = localAddress;
            _log = log;
        }

        /// <inheritdoc/>
        public string LocalAddress { get { return _localAddress; } }

        /// <inheritdoc/>
        public bool SupportsTls { get { return false; } }

        /// <inheritdoc/>
        public IUdpEndpoint OpenUdp(int localPort, DatagramReceived onDatagram)
        {
            return Esp32UdpEndpoint.Open(localPort, onDatagram, _log);
        }

        /// <inheritdoc/>
        public ITcpConnection ConnectTcp(string address, int port, string tlsServerName,
            StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed)
        {
            return Esp32TcpConnection.Connect(address, port, tlsServerName, onConnected, onData, onClosed);
        }

        /// <inheritdoc/>
        public ITcpListener ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed)
        {
            return Esp32TcpListener.Listen(localPort, onAccepted, onData, onClosed, _log);
        }

        /// <summary>
        /// Not offered yet: returns null with the reason, so the phone's HTTPS API refuses to start
        /// (it never falls back to plain HTTP). nanoFramework's System.Net.Security has
        /// SslStream.AuthenticateAsServer with an X509Certificate2 made from PEM certificate and key
        /// bytes; wiring it in needs the nanoFramework.System.Net.Security package and a stub for
        /// tests/Esp32.Compile (boards/esp32/README.md).
        /// </summary>
        public ITcpListener ListenTls(int localPort, byte[] certificatePem, byte[] privateKeyPem,
            StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, out string error)
        {
            error = "TLS listening is not supported on the ESP32 backend yet";
            return null;
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for the Wi-Fi (or Ethernet) interface to get an IPv4
        /// address (DHCP) and returns it, or null. Wi-Fi credentials are the device's stored network
        /// configuration (boards/esp32/README.md).
        /// </summary>
        public static string WaitForAddress(int timeoutMs, ILog log)
        {
            for (int waited = 0; waited <= timeoutMs; waited += 500)
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    string address = interfaces[i].IPv4Address;
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        log.Write(LogLevel.Info, "net", "address " + address);
                        return address;
                    }
                }
                Thread.Sleep(500);
            }
            return null;
        }
    }
}
