// One call's RTCP: when to report, SR or RR with our reception block and CNAME, and what the far end's reports say.
using System;

namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// RTCP for a two-party RTP session (RFC 3550 §6). The media session tells it what it sends
    /// (<see cref="RtpSent"/>) and receives (<see cref="Receive"/>), asks <see cref="IsDue"/> once
    /// per frame and, when due, sends what <see cref="WriteReport"/> wrote: an SR when we sent RTP
    /// in this or the previous interval (§6.4), else an RR, with one report block about the far end
    /// when it sent since the last report, then SDES CNAME. Received compounds go to
    /// <see cref="Received"/>: their SR timestamps become our LSR/DLSR, their block about us gives
    /// the far end's loss and jitter and, with LSR/DLSR, the round trip (§6.4.1).
    /// All times are ms of one monotonic clock; NTP timestamps are that clock plus the offset to
    /// the wall clock taken at <see cref="Start"/>, so a wall clock that jumps mid-call cannot spoil
    /// a round trip. Everything is allocated in the constructor; not thread-safe (the owner locks).
    /// </summary>
    public sealed class RtcpSession
    {
        /// <summary>A buffer this size holds any compound this session writes (SR + 1 block + SDES + BYE with reason).</summary>
        public const int MaxPacketBytes = SenderReport.FixedSize + ReportBlock.Size + 268 + 264;

        /// <summary>Default session bandwidth: G.711 at 20 ms with IP/UDP/RTP headers, bits/s.</summary>
        public const int DefaultSessionBitsPerSecond = 80000;

        private const int Members = 2;

        private readonly Random _random;
        private readonly SenderReport _sr = new SenderReport(1);
        private readonly ReceiverReport _rr = new ReceiverReport(1);
        private readonly Sdes _sdes = new Sdes();
        private readonly Bye _bye = new Bye();
        private readonly RtcpReceived _in = new RtcpReceived();
        private readonly RtpReceiveStats _stats = new RtpReceiveStats(8000);

        private bool _running;
        private uint _ssrc;
        private int _clockRate = 8000;
        private long _wallOffsetMs;

        private long _packetsSent;
        private long _octetsSent;
        private uint _lastSentTimestamp;
        private long _lastSentMs;
        private bool _sentThisInterval;
        private bool _sentLastInterval;

        private long _nextMs;
        private int _averageBytes;

        private bool _hasLastSr;
        private uint _lastSrMiddle;
        private long _lastSrArrivalMs;

        private bool _hasFarReport;
        private ReportBlock _farBlock;
        private int _roundTripMs = -1;
        private bool _farBye;

        /// <summary>A stopped session; <paramref name="random"/> randomizes the intervals.</summary>
        public RtcpSession(Random random)
        {
            _random = random == null ? new Random() : random;
            SessionBitsPerSecond = DefaultSessionBitsPerSecond;
        }

        /// <summary>The session (RTP) bandwidth the 5 % for RTCP is taken from, bits/s.</summary>
        public int SessionBitsPerSecond { get; set; }

        /// <summary>Statistics of the far end's RTP: feed every received packet of its stream to <see cref="RtpReceiveStats.Update"/>.</summary>
        public RtpReceiveStats Receive { get { return _stats; } }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning { get { return _running; } }

        /// <summary>When the next report is due (ms of the session's clock).</summary>
        public long NextReportAtMs { get { return _nextMs; } }

        /// <summary>Compound packets written.</summary>
        public long ReportsSent { get; private set; }

        /// <summary>Valid compound packets received.</summary>
        public long ReportsReceived { get; private set; }

        /// <summary>Received datagrams refused as malformed RTCP.</summary>
        public long ReportsRefused { get; private set; }

        /// <summary>True when the last report written was an SR.</summary>
        public bool LastWasSenderReport { get; private set; }

        /// <summary>Round trip from the far end's last block with an LSR, ms; -1 while unknown.</summary>
        public int RoundTripMs { get { return _roundTripMs; } }

        /// <summary>True once the far end said BYE.</summary>
        public bool FarEndLeft { get { return _farBye; } }

        /// <summary>The last report block the far end sent about us (valid when <see cref="HasFarReport"/>).</summary>
        public ReportBlock FarReport { get { return _farBlock; } }

        /// <summary>True once the far end reported on our stream.</summary>
        public bool HasFarReport { get { return _hasFarReport; } }

        /// <summary>What the last valid compound received said.</summary>
        public RtcpReceived LastReceived { get { return _in; } }

        /// <summary>The mean compound size with UDP/IP headers (§6.3.3), bytes.</summary>
        public int AveragePacketBytes { get { return _averageBytes; } }

        /// <summary>
        /// Starts reporting for our <paramref name="ssrc"/> with <paramref name="cname"/> and the RTP
        /// clock <paramref name="clockRate"/>. <paramref name="nowMs"/> is the monotonic clock every
        /// other call passes too; <paramref name="wallMs"/> the wall clock at the same instant (ms
        /// since 1970), or 0 when unknown (round trips still work). The first report is due after
        /// half the usual interval (§6.2).
        /// </summary>
        public void Start(uint ssrc, string cname, int clockRate, long nowMs, long wallMs)
        {
            _running = true;
            _ssrc = ssrc;
            _sdes.Ssrc = ssrc;
            _sdes.SetCname(cname);
            _bye.Ssrc = ssrc;
            _bye.SetReason(null);
            SetClockRate(clockRate);
            _stats.Reset();
            _wallOffsetMs = wallMs > 0 ? wallMs - nowMs : 0;
            _packetsSent = 0;
            _octetsSent = 0;
            _lastSentTimestamp = 0;
            _lastSentMs = nowMs;
            _sentThisInterval = false;
            _sentLastInterval = false;
            _hasLastSr = false;
            _hasFarReport = false;
            _farBlock = new ReportBlock();
            _roundTripMs = -1;
            _farBye = false;
            ReportsSent = 0;
            ReportsReceived = 0;
            ReportsRefused = 0;
            LastWasSenderReport = false;
            _averageBytes = ReceiverReport.FixedSize + ReportBlock.Size + _sdes.Length + RtcpInterval.UdpIpOverhead;
            _nextMs = nowMs + RtcpInterval.Randomized(Interval(false, false, true), _random);
        }

        /// <summary>Stops: <see cref="IsDue"/> stays false until the next <see cref="Start"/>.</summary>
        public void Stop()
        {
            _running = false;
        }

        /// <summary>The RTP clock of both directions changed (a new codec).</summary>
        public void SetClockRate(int clockRate)
        {
            _clockRate = clockRate > 0 ? clockRate : 8000;
            _stats.ClockRate = _clockRate;
        }

        /// <summary>We sent an RTP packet with <paramref name="payloadBytes"/> of payload and <paramref name="timestamp"/>.</summary>
        public void RtpSent(int payloadBytes, uint timestamp, long nowMs)
        {
            _packetsSent++;
            _octetsSent += payloadBytes;
            _lastSentTimestamp = timestamp;
            _lastSentMs = nowMs;
            _sentThisInterval = true;
        }

        /// <summary>True when a report should go out now.</summary>
        public bool IsDue(long nowMs)
        {
            return _running && nowMs >= _nextMs;
        }

        /// <summary>
        /// Writes the next compound (SR or RR, SDES CNAME) at <paramref name="offset"/> and schedules
        /// the one after; returns its length, or 0 when stopped or the buffer is smaller than
        /// <see cref="MaxPacketBytes"/> allows for (nothing changes then).
        /// </summary>
        public int WriteReport(byte[] buffer, int offset, long nowMs)
        {
            return WriteCompound(buffer, offset, nowMs, false);
        }

        /// <summary>
        /// Writes the last compound, with BYE and <paramref name="reason"/> (null for none), and stops.
        /// Returns its length (0 when stopped or the buffer is too small).
        /// </summary>
        public int WriteBye(byte[] buffer, int offset, long nowMs, string reason)
        {
            _bye.SetReason(reason);
            int n = WriteCompound(buffer, offset, nowMs, true);
            if (n > 0) _running = false;
            return n;
        }

        /// <summary>
        /// A datagram arrived on the RTCP port. False (and counted in <see cref="ReportsRefused"/>)
        /// when it is not a valid compound; otherwise its SR and its block about us are taken in.
        /// </summary>
        public bool Received(byte[] packet, int offset, int count, long nowMs)
        {
            if (!RtcpCompound.TryRead(packet, offset, count, _ssrc, _in))
            {
                ReportsRefused++;
                return false;
            }
            ReportsReceived++;
            Average(count);
            if (_in.HasSenderInfo)
            {
                _hasLastSr = true;
                _lastSrMiddle = _in.NtpMiddle;
                _lastSrArrivalMs = nowMs;
            }
            if (_in.HasBlockForUs)
            {
                _hasFarReport = true;
                _farBlock = _in.BlockForUs;
                int rtt = NtpTime.RoundTripMs(NtpTime.Middle(nowMs + _wallOffsetMs), _farBlock.LastSr, _farBlock.DelaySinceLastSr);
                if (rtt >= 0) _roundTripMs = rtt;
            }
            if (_in.Bye) _farBye = true;
            return true;
        }

        /// <summary>Fills <paramref name="quality"/> with the current figures. Does not allocate.</summary>
        public void Snapshot(CallQuality quality)
        {
            quality.PacketsSent = _packetsSent;
            quality.PacketsReceived = _stats.Received;
            long lost = _stats.CumulativeLost;
            quality.PacketsLost = lost > 0 ? lost : 0;
            quality.FractionLostPercent = CallQuality.Percent(_stats.LastFractionLost);
            quality.JitterMs = _stats.JitterMs;
            quality.HasFarReport = _hasFarReport;
            quality.FarFractionLostPercent = _hasFarReport ? CallQuality.Percent(_farBlock.FractionLost) : 0;
            quality.FarPacketsLost = _hasFarReport && _farBlock.CumulativeLost > 0 ? _farBlock.CumulativeLost : 0;
            quality.FarJitterMs = _hasFarReport ? (int)(((long)_farBlock.Jitter * 1000 + _clockRate / 2) / _clockRate) : 0;
            quality.RoundTripMs = _roundTripMs;
        }

        private int WriteCompound(byte[] buffer, int offset, long nowMs, bool bye)
        {
            if (!_running || buffer == null || offset < 0 || buffer.Length - offset < MaxPacketBytes) return 0;
            bool weSent = _sentThisInterval || _sentLastInterval;
            bool farSent = _stats.ReceivedSinceReport;
            int blocks = 0;
            ReportBlock block = new ReportBlock();
            if (farSent)
            {
                _stats.FillBlock(ref block);
                if (_hasLastSr)
                {
                    block.LastSr = _lastSrMiddle;
                    block.DelaySinceLastSr = NtpTime.UnitsFromMs(nowMs - _lastSrArrivalMs);
                }
                blocks = 1;
            }
            RtcpReport report = _rr;
            if (weSent)
            {
                NtpTime.FromUnixMs(nowMs + _wallOffsetMs, out _sr.NtpSeconds, out _sr.NtpFraction);
                _sr.RtpTimestamp = (uint)(_lastSentTimestamp + (nowMs - _lastSentMs) * _clockRate / 1000);
                _sr.PacketCount = (uint)_packetsSent;
                _sr.OctetCount = (uint)_octetsSent;
                report = _sr;
            }
            report.Ssrc = _ssrc;
            report.BlockCount = blocks;
            report.Blocks[0] = block;
            int n = RtcpCompound.Write(buffer, offset, report, _sdes, bye ? _bye : null);
            _sentLastInterval = _sentThisInterval;
            _sentThisInterval = false;
            LastWasSenderReport = weSent;
            ReportsSent++;
            Average(n);
            _nextMs = nowMs + RtcpInterval.Randomized(Interval(weSent, farSent, false), _random);
            return n;
        }

        private int Interval(bool weSent, bool farSent, bool initial)
        {
            int senders = (weSent ? 1 : 0) + (farSent ? 1 : 0);
            return RtcpInterval.Deterministic(Members, senders, weSent, _averageBytes, SessionBitsPerSecond, initial);
        }

        /// <summary>avg_rtcp_size = 1/16 × packet + 15/16 × avg, UDP/IP included (§6.3.3).</summary>
        private void Average(int packetBytes)
        {
            _averageBytes = (packetBytes + RtcpInterval.UdpIpOverhead + 15 * _averageBytes) / 16;
        }
    }
}
