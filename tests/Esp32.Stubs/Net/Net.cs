// nanoFramework.System.Net 1.11.x: addresses, endpoints, sockets and network interfaces (the members boards/esp32 uses).
using NanoFramework.ApiStubs;

namespace System.Net
{
    public abstract class EndPoint
    {
        public abstract EndPoint Create(SocketAddress socketAddress);
        public abstract SocketAddress Serialize();
    }

    public class SocketAddress
    {
        private SocketAddress() { }
    }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public IPAddress(long newAddress) { throw Stub.NotOnThisPlatform(); }
        public IPAddress(byte[] newAddressBytes) { throw Stub.NotOnThisPlatform(); }
        public static IPAddress Parse(string ipString) { throw Stub.NotOnThisPlatform(); }
        public byte[] GetAddressBytes() { throw Stub.NotOnThisPlatform(); }
        public override string ToString() { throw Stub.NotOnThisPlatform(); }
        public override bool Equals(object obj) { throw Stub.NotOnThisPlatform(); }
        public override int GetHashCode() { throw Stub.NotOnThisPlatform(); }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { throw Stub.NotOnThisPlatform(); }
        public IPEndPoint(IPAddress address, int port) { throw Stub.NotOnThisPlatform(); }
        public IPAddress Address { get { throw Stub.NotOnThisPlatform(); } }
        public int Port { get { throw Stub.NotOnThisPlatform(); } }
        public override EndPoint Create(SocketAddress socketAddress) { throw Stub.NotOnThisPlatform(); }
        public override SocketAddress Serialize() { throw Stub.NotOnThisPlatform(); }
        public override string ToString() { throw Stub.NotOnThisPlatform(); }
        public override bool Equals(object obj) { throw Stub.NotOnThisPlatform(); }
        public override int GetHashCode() { throw Stub.NotOnThisPlatform(); }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23
    }

    public enum SocketType
    {
        Unknown = -1,
        Stream = 1,
        Dgram = 2
    }

    public enum ProtocolType
    {
        Unknown = -1,
        Tcp = 6,
        Udp = 17
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2
    }

    public class SocketException : Exception
    {
        public int ErrorCode { get { throw Stub.NotOnThisPlatform(); } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw Stub.NotOnThisPlatform(); }
        public int Available { get { throw Stub.NotOnThisPlatform(); } }
        public EndPoint LocalEndPoint { get { throw Stub.NotOnThisPlatform(); } }
        public EndPoint RemoteEndPoint { get { throw Stub.NotOnThisPlatform(); } }
        public int ReceiveTimeout { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public int SendTimeout { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public void Bind(EndPoint localEP) { throw Stub.NotOnThisPlatform(); }
        public void Connect(EndPoint remoteEP) { throw Stub.NotOnThisPlatform(); }
        public void Listen(int backlog) { throw Stub.NotOnThisPlatform(); }
        public Socket Accept() { throw Stub.NotOnThisPlatform(); }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw Stub.NotOnThisPlatform(); }
        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw Stub.NotOnThisPlatform(); }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw Stub.NotOnThisPlatform(); }
        public int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP) { throw Stub.NotOnThisPlatform(); }
        public bool Poll(int microSeconds, SelectMode mode) { throw Stub.NotOnThisPlatform(); }
        public void Close() { throw Stub.NotOnThisPlatform(); }
        void IDisposable.Dispose() { throw Stub.NotOnThisPlatform(); }
    }
}

namespace System.Net.NetworkInformation
{
    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72
    }

    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { throw Stub.NotOnThisPlatform(); }
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw Stub.NotOnThisPlatform(); }
        public string IPv4Address { get { throw Stub.NotOnThisPlatform(); } }
        public NetworkInterfaceType NetworkInterfaceType { get { throw Stub.NotOnThisPlatform(); } }
    }
}
