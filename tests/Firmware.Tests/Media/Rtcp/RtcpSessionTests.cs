using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Firmware.Tests.Media.Rtcp;

public class RtcpSessionTests
{
    /// <summary>One end of a call: its RTCP session and the RTP it sends (20 ms of G.711 per packet).</summary>
    private sealed class Party
    {
        public readonly RtcpSession Rtcp;
        public readonly uint Ssrc;
        public readonly byte[] Buffer = new byte[RtcpSession.MaxPacketBytes];
        public int Seq = 1000;
        public uint Ts = 50_000;
        public bool Sending = true;
        public readonly List<byte[]> Reports = new();

        public Party(uint ssrc, int seed, long wallMs)
        {
            Ssrc = ssrc;
            Rtcp = new RtcpSession(new Random(seed));
            Rtcp.Start(ssrc, $"{ssrc:x}@phone", 8000, 0, wallMs);
        }
    }

    private readonly Party _a = new(0xAAAA0001, 1, 1_700_000_000_000);
    private readonly Party _b = new(0xBBBB0002, 2, 0);   // no wall clock: round trips must still work

    /// <summary>Both ends on one virtual clock in 10 ms steps; RTP every 20 ms, RTCP when due, <paramref name="oneWayMs"/> each way.</summary>
    private void Run(long fromMs, long toMs, int oneWayMs = 30, Func<int, bool>? dropAtoB = null, Func<int, int>? lateAtoB = null)
    {
        var inFlight = new List<(long At, Party To, byte[] Data)>();
        for (long t = fromMs; t < toMs; t += 10)
        {
            foreach (var p in inFlight.Where(p => p.At <= t).ToList())
            {
                Assert.True(p.To.Rtcp.Received(p.Data, 0, p.Data.Length, t));
                inFlight.Remove(p);
            }
            if (t % 20 == 0)
            {
                if (_a.Sending)
                {
                    _a.Rtcp.RtpSent(160, _a.Ts, t);
                    if (dropAtoB == null || !dropAtoB(_a.Seq))
                        _b.Rtcp.Receive.Update(_a.Ssrc, _a.Seq & 0xFFFF, _a.Ts, t + oneWayMs + (lateAtoB?.Invoke(_a.Seq) ?? 0));
                    _a.Seq++;
                    _a.Ts += 160;
                }
                if (_b.Sending)
                {
                    _b.Rtcp.RtpSent(160, _b.Ts, t);
                    _a.Rtcp.Receive.Update(_b.Ssrc, _b.Seq & 0xFFFF, _b.Ts, t + oneWayMs);
                    _b.Seq++;
                    _b.Ts += 160;
                }
            }
            foreach (var (from, to) in new[] { (_a, _b), (_b, _a) })
            {
                if (!from.Rtcp.IsDue(t)) continue;
                int n = from.Rtcp.WriteReport(from.Buffer, 0, t);
                Assert.True(n > 0);
                from.Reports.Add(from.Buffer[..n]);
                inFlight.Add((t + oneWayMs, to, from.Buffer[..n]));
            }
        }
    }

    [Fact]
    public void The_first_report_is_due_within_half_the_minimum_interval_randomized()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var s = new RtcpSession(new Random(seed));
            s.Start(1, "x", 8000, 10_000, 0);
            Assert.InRange(s.NextReportAtMs - 10_000, 1250, 3750);
        }
    }

    [Fact]
    public void Later_reports_come_every_2_5_to_7_5_seconds_and_average_about_5()
    {
        Run(0, 300_000);
        var sends = _a.Reports.Count;
        Assert.InRange(sends, 300_000 / 7_500, 300_000 / 2_500);
        Assert.InRange(300_000.0 / sends, 4_000, 6_000);
        Assert.True(_a.Rtcp.NextReportAtMs - 300_000 <= 7_500);
    }

    [Fact]
    public void A_report_is_an_SR_while_we_sent_in_this_or_the_previous_interval_then_an_RR()
    {
        Run(0, 10_000);
        Assert.True(_a.Rtcp.LastWasSenderReport);
        Assert.Equal(200, _a.Reports[^1][1]);
        _a.Sending = false;
        long t = 10_000;
        var kinds = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            t = Math.Max(t, _a.Rtcp.NextReportAtMs);
            Assert.True(_a.Rtcp.WriteReport(_a.Buffer, 0, t) > 0);
            kinds.Add(_a.Buffer[1]);
        }
        // Sent up to this report's interval, then in the previous one only (RFC 3550 §6.4), then not at all.
        Assert.Equal(new[] { 200, 200, 201, 201 }, kinds);
    }

    [Fact]
    public void A_sender_report_carries_wall_clock_NTP_time_and_the_RTP_timestamp_of_the_same_instant()
    {
        var s = new RtcpSession(new Random(1));
        s.Start(0x01020304, "me@host", 8000, 5_000, 1_700_000_000_000);
        s.RtpSent(160, 1000, 5_000);
        var buf = new byte[RtcpSession.MaxPacketBytes];
        int n = s.WriteReport(buf, 0, 5_100);
        var sr = new SenderReport(1);
        Assert.True(sr.TryRead(buf, 0, n));
        Assert.Equal(3_908_988_800u, sr.NtpSeconds);      // 1 700 000 000 s after 1970, in NTP's 1900 era
        Assert.Equal(429_496_729u, sr.NtpFraction);       // 0.1 s
        Assert.Equal(1800u, sr.RtpTimestamp);             // 100 ms after the last packet's 1000 at 8 kHz
        Assert.Equal(1u, sr.PacketCount);
        Assert.Equal(160u, sr.OctetCount);
        Assert.Equal(0, sr.BlockCount);                   // nothing received: no block
        Assert.Equal(new byte[] { 0x81, 0xCA }, buf[28..30]);  // SDES follows
        Assert.Equal(28 + 20, n);                          // SR without blocks, SDES with a 7-byte CNAME
    }

    [Fact]
    public void A_report_block_echoes_the_far_ends_last_SR_and_the_delay_since()
    {
        var s = new RtcpSession(new Random(1));
        s.Start(0x01020304, "me@host", 8000, 0, 0);
        s.Receive.Update(0xFA, 1, 0, 0);
        s.Receive.Update(0xFA, 2, 160, 20);
        var farSr = new SenderReport(0) { Ssrc = 0xFA, NtpSeconds = 0x0000B705, NtpFraction = 0x20000000 };
        var far = new byte[64];
        int fn = RtcpCompound.Write(far, 0, farSr, new Sdes { Ssrc = 0xFA }, null);
        Assert.True(s.Received(far, 0, fn, 1_000));
        var buf = new byte[RtcpSession.MaxPacketBytes];
        int n = s.WriteReport(buf, 0, 6_250);
        var rr = new ReceiverReport(1);
        Assert.True(rr.TryRead(buf, 0, n));
        Assert.Equal(1, rr.BlockCount);
        Assert.Equal(0xFAu, rr.Blocks[0].Ssrc);
        Assert.Equal(0xB7052000u, rr.Blocks[0].LastSr);
        Assert.Equal(0x00054000u, rr.Blocks[0].DelaySinceLastSr);   // 5.25 s
    }

    [Fact]
    public void The_round_trip_comes_from_LSR_and_DLSR_even_when_the_two_wall_clocks_disagree()
    {
        Run(0, 30_000, oneWayMs: 30);
        Assert.InRange(_a.Rtcp.RoundTripMs, 59, 61);
        Assert.InRange(_b.Rtcp.RoundTripMs, 59, 61);
    }

    [Fact]
    public void Loss_of_our_packets_is_reported_back_by_the_far_end()
    {
        Run(0, 30_000, dropAtoB: seq => seq % 10 == 0);
        var far = new CallQuality();
        _a.Rtcp.Snapshot(far);
        Assert.True(far.HasFarReport);
        Assert.InRange(far.FarFractionLostPercent, 9, 11);
        Assert.InRange(far.FarPacketsLost, 100, 150);
        var near = new CallQuality();
        _b.Rtcp.Snapshot(near);
        Assert.InRange(near.FractionLostPercent, 9, 11);
        Assert.Equal(149, near.PacketsLost);           // 1010, 1020 ... 2490 (1000 was lost, 1001 was probation)
        Assert.Equal(0, near.FarFractionLostPercent);  // A lost nothing of B's
    }

    [Fact]
    public void Jitter_of_our_stream_is_reported_back_in_ms()
    {
        Run(0, 20_000, lateAtoB: seq => seq % 2 == 0 ? 10 : 0);
        var q = new CallQuality();
        _a.Rtcp.Snapshot(q);
        Assert.Equal(10, q.FarJitterMs);
        Assert.Equal(0, q.JitterMs);
        _b.Rtcp.Snapshot(q);
        Assert.Equal(10, q.JitterMs);
    }

    [Fact]
    public void The_quality_snapshot_counts_packets_both_ways()
    {
        Run(0, 10_000);
        var q = new CallQuality();
        _a.Rtcp.Snapshot(q);
        Assert.Equal(500, q.PacketsSent);
        Assert.Equal(499, q.PacketsReceived);  // the first packet of a source is its probation
        Assert.Equal(0, q.PacketsLost);
        Assert.InRange(q.RoundTripMs, 59, 61);
    }

    [Fact]
    public void Before_any_report_the_round_trip_is_unknown()
    {
        var q = new CallQuality();
        _a.Rtcp.Snapshot(q);
        Assert.Equal(-1, q.RoundTripMs);
        Assert.False(q.HasFarReport);
    }

    [Fact]
    public void Without_RTP_from_the_far_end_a_receiver_report_has_no_block()
    {
        var s = new RtcpSession(new Random(1));
        s.Start(0x01020304, "ab@host", 8000, 0, 0);
        var buf = new byte[RtcpSession.MaxPacketBytes];
        int n = s.WriteReport(buf, 0, 5_000);
        Assert.Equal(RtcpWireTests.Hex("80 C9 00 01  01 02 03 04  81 CA 00 04  01 02 03 04  01 07 61 62 40 68 6F 73 74 00 00 00"), buf[..n]);
    }

    [Fact]
    public void A_BYE_ends_the_session_and_the_far_end_hears_it()
    {
        Run(0, 6_000);
        int n = _a.Rtcp.WriteBye(_a.Buffer, 0, 6_000, "hung up");
        Assert.False(_a.Rtcp.IsRunning);
        Assert.False(_a.Rtcp.IsDue(100_000));
        Assert.True(_b.Rtcp.Received(_a.Buffer, 0, n, 6_030));
        Assert.True(_b.Rtcp.FarEndLeft);
    }

    [Fact]
    public void Garbage_on_the_RTCP_port_is_refused_and_counted()
    {
        var junk = new byte[] { 0x80, 0x00, 0x00, 0x01, 1, 2, 3, 4 };
        Assert.False(_a.Rtcp.Received(junk, 0, junk.Length, 100));
        Assert.Equal(1, _a.Rtcp.ReportsRefused);
        Assert.Equal(0, _a.Rtcp.ReportsReceived);
    }

    [Fact]
    public void A_buffer_too_small_for_the_largest_compound_gets_nothing_and_changes_nothing()
    {
        long next = _a.Rtcp.NextReportAtMs;
        Assert.Equal(0, _a.Rtcp.WriteReport(new byte[100], 0, next));
        Assert.Equal(next, _a.Rtcp.NextReportAtMs);
        Assert.Equal(0, _a.Rtcp.ReportsSent);
    }

    [Fact]
    public void Writing_and_reading_reports_in_steady_state_allocates_nothing()
    {
        Run(0, 10_000);
        long t = 10_000;
        var quality = new CallQuality();
        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                t += 20;
                _a.Rtcp.RtpSent(160, (uint)t * 8, t);
                _b.Rtcp.Receive.Update(_a.Ssrc, (int)(t / 20) & 0xFFFF, (uint)t * 8, t);
                int n = _b.Rtcp.WriteReport(_b.Buffer, 0, t);
                _a.Rtcp.Received(_b.Buffer, 0, n, t + 30);
                n = _a.Rtcp.WriteReport(_a.Buffer, 0, t);
                _b.Rtcp.Received(_a.Buffer, 0, n, t + 30);
                _a.Rtcp.Snapshot(quality);
            }
        }));
    }
}
