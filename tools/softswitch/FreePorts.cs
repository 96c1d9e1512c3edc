// Picks loopback ports that are free for both UDP and TCP at the moment of asking.
using System.Net;
using System.Net.Sockets;

namespace DeskPhone.Softswitch;

/// <summary>Free loopback ports. Another program may still take one before we bind it: callers retry.</summary>
public static class FreePorts
{
    /// <summary>A port on 127.0.0.1 free for UDP and TCP alike (SIP listens on both).</summary>
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for TCP: try another
            }
        }
        throw new InvalidOperationException("no loopback port free for both UDP and TCP after 50 tries");
    }

    /// <summary>A port on 127.0.0.1 free for TCP.</summary>
    public static int Tcp()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)tcp.LocalEndPoint!).Port;
    }
}
