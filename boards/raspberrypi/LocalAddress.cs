// Which of the Pi's addresses the phone uses for SIP and RTP (what goes into Via and Contact).
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using DeskPhone.Firmware.Config;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>
/// Picks the local IPv4 address: the one the kernel would route the registrar through (a UDP
/// socket "connected" to it sends nothing but learns its source address), else the first address
/// of an interface that is up. --address overrides both.
/// </summary>
internal static class LocalAddress
{
    /// <summary>The address to bind, or null when the Pi has no usable address yet.</summary>
    public static string? Choose(DeviceConfig config, string? overrideAddress)
    {
        if (overrideAddress != null) return overrideAddress;
        var registrar = config.DefaultAccount.Registrar;
        var viaRoute = TowardsHost(registrar.Host, registrar.PortOrDefault);
        return viaRoute ?? FirstUp();
    }

    private static string? TowardsHost(string host, int port)
    {
        try
        {
            IPAddress? target = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? literal
                : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (target == null) return null;
            using var probe = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(target, port);
            return probe.LocalEndPoint is IPEndPoint local && !local.Address.Equals(IPAddress.Any) ? local.Address.ToString() : null;
        }
        catch (SocketException)
        {
            return null;   // no route or no DNS yet: fall back
        }
    }

    private static string? FirstUp() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(u => u.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString();
}
