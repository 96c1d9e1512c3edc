// Turns socket, I/O and TLS exceptions into the short reasons the closed handler reports.
using System.Net.Sockets;
using System.Security.Authentication;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>A stream failed for a reason that is already worded for the log.</summary>
internal sealed class StreamFailure : Exception
{
    public StreamFailure(string reason) : base(reason) { }
}

/// <summary>Maps the exceptions real sockets throw to closed-handler reasons.</summary>
internal static class SocketErrors
{
    /// <summary>True for the exceptions that mean "the network said no", not "the code is wrong".</summary>
    public static bool IsNetworkFailure(Exception e) =>
        e is SocketException or IOException or AuthenticationException or ObjectDisposedException
            or OperationCanceledException or StreamFailure;

    /// <summary>A short reason for <paramref name="e"/>.</summary>
    public static string Describe(Exception e) => e switch
    {
        StreamFailure f => f.Message,
        AuthenticationException a => "TLS handshake failed: " + a.Message,
        SocketException s => Describe(s.SocketErrorCode),
        IOException { InnerException: SocketException s } => Describe(s.SocketErrorCode),
        IOException { InnerException: AuthenticationException a } => "TLS handshake failed: " + a.Message,
        IOException io => "I/O error: " + io.Message,
        OperationCanceledException or ObjectDisposedException => "aborted",
        _ => e.Message,
    };

    /// <summary>A short reason for a socket error code.</summary>
    public static string Describe(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TimedOut => "connect timed out",
        SocketError.HostUnreachable => "no route to host",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.Shutdown => "closed",
        SocketError.OperationAborted => "aborted",
        _ => "socket error " + code,
    };
}
