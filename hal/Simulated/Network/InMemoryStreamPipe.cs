// One direction of an in-memory stream: segments in order, delayed by the link, stalled by a partition.
namespace DeskPhone.Hal.Simulated.Network;

/// <summary>What a stream pipe carries: the handshake, data and the end of the stream.</summary>
internal enum SegmentKind { Syn, SynAck, Refused, Data, Fin }

/// <summary>One unit on a stream pipe.</summary>
internal sealed record Segment(SegmentKind Kind, byte[]? Data = null, string? Reason = null);

/// <summary>
/// Carries segments from one host:port to another in order. Each segment gets a clock timer with the
/// link's delay (plus jitter), never due before the previous one; each expiry hands over the oldest
/// waiting segment, so order holds whatever order the timers fire in. While the link is partitioned
/// an expiry hands over nothing and the pipe waits for the wire to resume it.
/// </summary>
internal sealed class InMemoryStreamPipe
{
    private readonly InMemoryNetwork _wire;
    private readonly Queue<Segment> _queue = new();
    private readonly object _deliverGate = new();
    private int _armed;
    private long _lastDueMs;
    private bool _stalled;

    public InMemoryStreamPipe(InMemoryNetwork wire, string fromAddress, int fromPort, string toAddress, int toPort,
        Action<Segment> sink)
    {
        _wire = wire;
        FromAddress = fromAddress;
        FromPort = fromPort;
        ToAddress = toAddress;
        ToPort = toPort;
        Sink = sink;
    }

    public string FromAddress { get; }
    public int FromPort { get; }
    public string ToAddress { get; }
    public int ToPort { get; }

    /// <summary>Who receives the segments (changes once, when a connect is accepted). Wire lock.</summary>
    public Action<Segment> Sink { get; set; }

    /// <summary>Data bytes pushed and not yet delivered (in flight on the link). Wire lock.</summary>
    public int QueuedBytesLocked { get; private set; }

    /// <summary>Queues a segment and arms its timer; returns the capture record to emit, if any.</summary>
    public WireRecord? PushLocked(Segment segment)
    {
        _queue.Enqueue(segment);
        ArmLocked();
        if (segment.Kind != SegmentKind.Data) return null;
        QueuedBytesLocked += segment.Data!.Length;
        _wire.CountsLocked(FromAddress, ToAddress).StreamBytesSent += segment.Data!.Length;
        return Record(WireEvent.Sent, segment.Data);
    }

    /// <summary>Re-arms the segments whose timers expired while the link was cut.</summary>
    public void ResumeLocked()
    {
        _stalled = false;
        for (int missing = _queue.Count - _armed; missing > 0; missing--) ArmLocked();
    }

    private void ArmLocked()
    {
        long now = _wire.Clock.NowMs;
        long due = Math.Max(now + _wire.DrawDelayLocked(_wire.FaultsLocked(FromAddress, ToAddress)), _lastDueMs);
        _lastDueMs = due;
        _armed++;
        _wire.Clock.StartTimer((int)(due - now), 0, OnTimer);
    }

    private void OnTimer()
    {
        // One delivery at a time per pipe, so handlers see segments in order even on a real clock.
        lock (_deliverGate)
        {
            Segment segment;
            Action<Segment> sink;
            WireRecord? record = null;
            lock (_wire.Gate)
            {
                _armed--;
                if (_wire.IsPartitionedLocked(FromAddress, ToAddress))
                {
                    if (!_stalled)
                    {
                        _stalled = true;
                        _wire.AddStalledLocked(this);
                    }
                    return;
                }
                if (_queue.Count == 0) return;
                segment = _queue.Dequeue();
                sink = Sink;
                if (segment.Kind == SegmentKind.Data)
                {
                    QueuedBytesLocked -= segment.Data!.Length;
                    _wire.CountsLocked(FromAddress, ToAddress).StreamBytesDelivered += segment.Data!.Length;
                    record = Record(WireEvent.Delivered, segment.Data);
                }
            }
            if (record != null) _wire.Capture.Add(record);
            sink(segment);
        }
    }

    private WireRecord Record(WireEvent kind, byte[] data) =>
        new(_wire.Clock.NowMs, WireProtocol.Tcp, kind, FromAddress, FromPort, ToAddress, ToPort, data);
}
