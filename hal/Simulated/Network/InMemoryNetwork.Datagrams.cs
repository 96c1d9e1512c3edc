// How a datagram crosses the in-memory wire: partition, drop, duplicate, reorder, delay, delivery.
namespace DeskPhone.Hal.Simulated.Network;

public sealed partial class InMemoryNetwork
{
    private readonly Dictionary<(string From, string To), Held> _held = new();

    /// <summary>
    /// Puts a datagram on the wire; its bytes are the wire's own copy. Every outcome is
    /// decided now (one random draw per knob in use) and every delivery is a clock timer.
    /// </summary>
    internal void SendDatagram(Datagram d)
    {
        var records = new List<WireRecord>(3);
        lock (Gate)
        {
            var link = (d.FromAddress, d.ToAddress);
            var counts = CountsLocked(d.FromAddress, d.ToAddress);
            counts.Sent++;
            records.Add(Record(d, WireEvent.Sent));

            var f = FaultsLocked(d.FromAddress, d.ToAddress);
            if (IsPartitionedLocked(d.FromAddress, d.ToAddress) || ChanceLocked(f.Drop))
            {
                counts.Dropped++;
                records.Add(Record(d, WireEvent.Dropped));
            }
            else
            {
                bool duplicate = ChanceLocked(f.Duplicate);
                if (_held.Remove(link, out var held))
                {
                    // The held datagram goes right behind this one: same delay, started later.
                    held.Limit.Cancel();
                    int delay = DrawDelayLocked(f);
                    ScheduleDeliveryLocked(d, delay);
                    ScheduleDeliveryLocked(held.Datagram, delay);
                }
                else if (ChanceLocked(f.Reorder))
                {
                    counts.Reordered++;
                    records.Add(Record(d, WireEvent.Reordered));
                    HoldLocked(link, d);
                }
                else
                {
                    ScheduleDeliveryLocked(d, DrawDelayLocked(f));
                }

                if (duplicate)
                {
                    counts.Duplicated++;
                    records.Add(Record(d, WireEvent.Duplicated));
                    ScheduleDeliveryLocked(d, DrawDelayLocked(f));
                }
            }
        }
        foreach (var r in records) Capture.Add(r);
    }

    private void HoldLocked((string From, string To) link, Datagram d)
    {
        var held = new Held(d);
        _held.Add(link, held);
        held.Limit = Clock.StartTimer(_reorderHoldLimitMs, 0, () =>
        {
            lock (Gate)
            {
                if (!_held.TryGetValue(link, out var current) || current != held) return;
                _held.Remove(link);
                ScheduleDeliveryLocked(d, DrawDelayLocked(FaultsLocked(link.From, link.To)));
            }
        });
    }

    private void ScheduleDeliveryLocked(Datagram d, int delayMs) =>
        Clock.StartTimer(delayMs, 0, () => Deliver(d));

    private void Deliver(Datagram d)
    {
        InMemoryUdpEndpoint? endpoint;
        WireRecord record;
        lock (Gate)
        {
            endpoint = HostOrNullLocked(d.ToAddress)?.UdpAtLocked(d.ToPort);
            var counts = CountsLocked(d.FromAddress, d.ToAddress);
            if (endpoint == null)
            {
                counts.Unreachable++;
                record = Record(d, WireEvent.Unreachable);
            }
            else
            {
                counts.Delivered++;
                record = Record(d, WireEvent.Delivered);
            }
        }
        Capture.Add(record);
        // The receiver gets its own copy: it may scribble on it, and a duplicate must arrive intact.
        endpoint?.Receive((byte[])d.Data.Clone(), d.FromAddress, d.FromPort);
    }

    private WireRecord Record(Datagram d, WireEvent kind) =>
        new(Clock.NowMs, WireProtocol.Udp, kind, d.FromAddress, d.FromPort, d.ToAddress, d.ToPort, d.Data);

    /// <summary>A datagram in flight; <see cref="Data"/> is never handed to a receiver.</summary>
    internal sealed record Datagram(string FromAddress, int FromPort, string ToAddress, int ToPort, byte[] Data);

    private sealed class Held
    {
        public Held(Datagram d) { Datagram = d; }
        public Datagram Datagram { get; }
        public IHalTimer Limit { get; set; } = NoTimer.Instance;
    }

    private sealed class NoTimer : IHalTimer
    {
        public static readonly NoTimer Instance = new();
        public void Cancel() { }
    }
}
