// What happened on one directed link of the in-memory wire, as numbers a test can assert on.
namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// A snapshot of the traffic counters of one directed link (or of the whole wire).
/// Datagram counts: <see cref="Sent"/> counts every datagram handed to the wire; each one is then
/// <see cref="Dropped"/> (lost to the drop knob or a partition) or delivered, possibly twice
/// (<see cref="Duplicated"/>). A delivery to a port nobody has bound, or to an address no host
/// has, counts as <see cref="Unreachable"/> instead of <see cref="Delivered"/>.
/// </summary>
/// <param name="Sent">Datagrams handed to the wire.</param>
/// <param name="Delivered">Datagrams handed to a receiver's handler (a duplicate counts twice).</param>
/// <param name="Dropped">Datagrams lost to the drop knob or a partition.</param>
/// <param name="Duplicated">Datagrams that got a second copy.</param>
/// <param name="Reordered">Datagrams held back to arrive after their follower.</param>
/// <param name="Unreachable">Datagrams that reached no bound port (or no host).</param>
/// <param name="StreamBytesSent">Stream bytes put on the link.</param>
/// <param name="StreamBytesDelivered">Stream bytes handed to the far end.</param>
public readonly record struct LinkCounters(
    long Sent,
    long Delivered,
    long Dropped,
    long Duplicated,
    long Reordered,
    long Unreachable,
    long StreamBytesSent,
    long StreamBytesDelivered)
{
    /// <summary>The sum of two snapshots.</summary>
    public static LinkCounters operator +(LinkCounters a, LinkCounters b) => new(
        a.Sent + b.Sent, a.Delivered + b.Delivered, a.Dropped + b.Dropped, a.Duplicated + b.Duplicated,
        a.Reordered + b.Reordered, a.Unreachable + b.Unreachable,
        a.StreamBytesSent + b.StreamBytesSent, a.StreamBytesDelivered + b.StreamBytesDelivered);
}
