// One entry of the in-memory wire's capture: what crossed (or failed to cross) the wire, and when.
using System.Text;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>Which kind of traffic a <see cref="WireRecord"/> describes.</summary>
public enum WireProtocol
{
    /// <summary>A UDP datagram.</summary>
    Udp,
    /// <summary>Bytes of an in-memory TCP stream.</summary>
    Tcp,
}

/// <summary>What happened to the bytes of a <see cref="WireRecord"/>.</summary>
public enum WireEvent
{
    /// <summary>Handed to the wire by the sender.</summary>
    Sent,
    /// <summary>Lost: the drop knob or a partition.</summary>
    Dropped,
    /// <summary>A second copy was made (a second <see cref="Delivered"/> follows).</summary>
    Duplicated,
    /// <summary>Held back to be delivered after the next datagram.</summary>
    Reordered,
    /// <summary>Handed to the receiver's handler.</summary>
    Delivered,
    /// <summary>Arrived where nobody listens (unbound port or unknown address) and vanished.</summary>
    Unreachable,
}

/// <summary>
/// One captured event: at virtual time <see cref="TimeMs"/>, bytes from
/// <see cref="FromAddress"/>:<see cref="FromPort"/> to <see cref="ToAddress"/>:<see cref="ToPort"/>
/// were sent, dropped, delivered... The <see cref="Data"/> array is a private copy.
/// </summary>
/// <param name="TimeMs">The clock's <c>NowMs</c> when it happened.</param>
/// <param name="Protocol">UDP datagram or TCP stream bytes.</param>
/// <param name="Event">What happened.</param>
/// <param name="FromAddress">The sending host.</param>
/// <param name="FromPort">The sending port.</param>
/// <param name="ToAddress">The destination address.</param>
/// <param name="ToPort">The destination port.</param>
/// <param name="Data">The bytes (do not modify).</param>
public sealed record WireRecord(
    long TimeMs,
    WireProtocol Protocol,
    WireEvent Event,
    string FromAddress,
    int FromPort,
    string ToAddress,
    int ToPort,
    byte[] Data)
{
    /// <summary>The bytes read as UTF-8 (SIP is text), for assertions and logs.</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{TimeMs,8} ms {Protocol} {Event,-11} {FromAddress}:{FromPort} -> {ToAddress}:{ToPort} ({Data.Length} bytes)";
}
