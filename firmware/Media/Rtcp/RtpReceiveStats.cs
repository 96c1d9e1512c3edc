// Reception statistics of one RTP source (RFC 3550 A.1, A.3, A.8): sequence validation, loss, jitter.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// Follows the far end's RTP stream: sequence numbers with wrap-around, probation of a new
    /// source (2 in-order packets), big jumps (more than 3000 ahead or 100 behind) accepted only
    /// when the next packet confirms them (a restarted sender), duplicates and reordering counted as
    /// received (A.1); expected, lost and the fraction lost per report interval (A.3); interarrival
    /// jitter from arrival times in ms converted to timestamp units (A.8). A packet from another
    /// SSRC starts over. No allocation; not thread-safe (the owner locks).
    /// </summary>
    public sealed class RtpReceiveStats
    {
        /// <summary>In-order packets a new source needs before it counts (A.1 MIN_SEQUENTIAL).</summary>
        public const int MinSequential = 2;
        /// <summary>Largest forward jump taken as loss rather than a restart (A.1 MAX_DROPOUT).</summary>
        public const int MaxDropout = 3000;
        /// <summary>Largest backward step taken as reordering (A.1 MAX_MISORDER).</summary>
        public const int MaxMisorder = 100;

        private const int SeqMod = 1 << 16;

        private int _clockRate;
        private bool _hasSource;
        private uint _ssrc;
        private int _probation;
        private int _maxSeq;
        private uint _cycles;   // sequence wraps, times 2^16
        private int _baseSeq;
        private int _badSeq;
        private long _received;
        private long _expectedPrior;
        private long _receivedPrior;
        private bool _hasTransit;
        private int _transit;
        private uint _jitter16; // jitter in timestamp units, times 16 (A.8, integer form)
        private int _lastFraction;

        /// <summary>Statistics for a stream whose timestamps run at <paramref name="clockRate"/> Hz (8000 for G.711 and G.722).</summary>
        public RtpReceiveStats(int clockRate)
        {
            ClockRate = clockRate;
        }

        /// <summary>The timestamp clock (Hz) used to turn arrival times into timestamp units; change it with the codec.</summary>
        public int ClockRate
        {
            get { return _clockRate; }
            set { _clockRate = value > 0 ? value : 8000; }
        }

        /// <summary>True once a packet has been seen (the source may still be on probation).</summary>
        public bool HasSource { get { return _hasSource; } }

        /// <summary>True once the source passed probation: its packets count.</summary>
        public bool IsValid { get { return _hasSource && _probation == 0; } }

        /// <summary>The source followed.</summary>
        public uint Ssrc { get { return _ssrc; } }

        /// <summary>Packets counted (duplicates included, probation excluded).</summary>
        public long Received { get { return _received; } }

        /// <summary>Extended highest sequence number (wraps in the upper 16 bits).</summary>
        public uint ExtendedHighestSequence { get { return _cycles + (uint)_maxSeq; } }

        /// <summary>Packets expected: extended highest - first + 1 (A.3).</summary>
        public long Expected { get { return IsValid ? (long)_cycles + _maxSeq - _baseSeq + 1 : 0; } }

        /// <summary>Expected - received; negative when duplicates outnumber losses.</summary>
        public long CumulativeLost { get { return Expected - _received; } }

        /// <summary>Interarrival jitter in timestamp units.</summary>
        public uint Jitter { get { return _jitter16 >> 4; } }

        /// <summary>Interarrival jitter in milliseconds, rounded.</summary>
        public int JitterMs { get { return (int)(((long)Jitter * 1000 + _clockRate / 2) / _clockRate); } }

        /// <summary>The fraction lost (0-255) of the last <see cref="FillBlock"/>.</summary>
        public int LastFractionLost { get { return _lastFraction; } }

        /// <summary>True when packets were counted since the last <see cref="FillBlock"/> (a report block is due, §6.4).</summary>
        public bool ReceivedSinceReport { get { return IsValid && _received != _receivedPrior; } }

        /// <summary>Forgets the source.</summary>
        public void Reset()
        {
            _hasSource = false;
            _ssrc = 0;
            _probation = 0;
            _maxSeq = 0;
            _cycles = 0;
            _baseSeq = 0;
            _badSeq = SeqMod + 1;
            _received = 0;
            _expectedPrior = 0;
            _receivedPrior = 0;
            _hasTransit = false;
            _transit = 0;
            _jitter16 = 0;
            _lastFraction = 0;
        }

        /// <summary>
        /// An RTP packet arrived at <paramref name="arrivalMs"/> (any monotonic ms clock). Returns true
        /// when it counts (play it); false while the source is on probation or for a jump not yet
        /// confirmed.
        /// </summary>
        public bool Update(uint ssrc, int sequence, uint timestamp, long arrivalMs)
        {
            if (!UpdateSequence(ssrc, sequence)) return false;
            UpdateJitter(timestamp, arrivalMs);
            return true;
        }

        /// <summary>
        /// Like <see cref="Update"/> for a packet whose timestamp does not follow the sampling clock
        /// (telephone-event: one timestamp per event): sequence and loss only, no jitter.
        /// </summary>
        public bool UpdateSequenceOnly(uint ssrc, int sequence)
        {
            return UpdateSequence(ssrc, sequence);
        }

        /// <summary>
        /// Fills <paramref name="block"/> for the next report: SSRC, fraction lost since the previous
        /// call (A.3), cumulative lost, extended highest sequence and jitter. LSR/DLSR are the
        /// caller's. Starts the next interval.
        /// </summary>
        public void FillBlock(ref ReportBlock block)
        {
            long expected = Expected;
            long expectedInterval = expected - _expectedPrior;
            _expectedPrior = expected;
            long receivedInterval = _received - _receivedPrior;
            _receivedPrior = _received;
            long lostInterval = expectedInterval - receivedInterval;
            int fraction = 0;
            if (expectedInterval > 0 && lostInterval > 0) fraction = (int)((lostInterval << 8) / expectedInterval);
            if (fraction > 255) fraction = 255;
            _lastFraction = fraction;
            long lost = expected - _received;
            if (lost > ReportBlock.MaxCumulativeLost) lost = ReportBlock.MaxCumulativeLost;
            if (lost < ReportBlock.MinCumulativeLost) lost = ReportBlock.MinCumulativeLost;
            block.Ssrc = _ssrc;
            block.FractionLost = fraction;
            block.CumulativeLost = (int)lost;
            block.HighestSequence = ExtendedHighestSequence;
            block.Jitter = Jitter;
        }

        private bool UpdateSequence(uint ssrc, int sequence)
        {
            int seq = sequence & 0xFFFF;
            if (!_hasSource || ssrc != _ssrc)
            {
                Reset();
                _hasSource = true;
                _ssrc = ssrc;
                InitSequence(seq);
                _maxSeq = (seq - 1) & 0xFFFF;
                _probation = MinSequential;
            }
            int delta = (seq - _maxSeq) & 0xFFFF;
            if (_probation > 0)
            {
                if (seq == ((_maxSeq + 1) & 0xFFFF))
                {
                    _probation--;
                    _maxSeq = seq;
                    if (_probation == 0)
                    {
                        InitSequence(seq);
                        _received++;
                        return true;
                    }
                }
                else
                {
                    _probation = MinSequential - 1;
                    _maxSeq = seq;
                }
                return false;
            }
            if (delta < MaxDropout)
            {
                if (seq < _maxSeq) _cycles += SeqMod; // wrapped
                _maxSeq = seq;
            }
            else if (delta <= SeqMod - MaxMisorder)
            {
                if (seq != _badSeq)
                {
                    _badSeq = (seq + 1) & 0xFFFF; // a big jump: believe it when the next packet follows
                    return false;
                }
                InitSequence(seq); // two in a row: the sender restarted
                _hasTransit = false;
            }
            // else a duplicate or a reordered packet: counted, as A.1 does
            _received++;
            return true;
        }

        private void InitSequence(int seq)
        {
            _baseSeq = seq;
            _maxSeq = seq;
            _badSeq = SeqMod + 1;
            _cycles = 0;
            _received = 0;
            _receivedPrior = 0;
            _expectedPrior = 0;
        }

        /// <summary>A.8: J += (|D| - J) / 16, with D the change in transit time, all in timestamp units.</summary>
        private void UpdateJitter(uint timestamp, long arrivalMs)
        {
            uint arrival = (uint)(arrivalMs * _clockRate / 1000);
            int transit = (int)(arrival - timestamp);
            if (!_hasTransit)
            {
                _transit = transit;
                _hasTransit = true;
                return;
            }
            int d = transit - _transit;
            _transit = transit;
            if (d < 0) d = d == int.MinValue ? int.MaxValue : -d;
            _jitter16 = (uint)(_jitter16 + d - ((_jitter16 + 8) >> 4));
        }
    }
}
