// Records a call as a WAV file without holding it in RAM: the media thread fills a ring of blocks, the loop appends them to storage.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media.Recording
{
    /// <summary>
    /// A 16-bit mono PCM WAV of both sides of a call mixed (what we sent and what we heard), at the
    /// call's rate. <see cref="Frame"/> runs on the media thread: it mixes the frame into the next free
    /// block of a ring allocated by <see cref="Start"/> and returns; it never allocates, never touches
    /// storage, and when the ring is full (the loop fell behind) it drops the frame and counts it.
    /// <see cref="Drain"/> runs on the loop: it appends the filled blocks to the file
    /// (<see cref="IStorage.Append"/>). <see cref="Stop"/> drains the rest and patches the header's two
    /// sizes (<see cref="IStorage.WriteAt"/>). A storage failure is logged once and ends the recording;
    /// what was written stays a valid WAV. Recording stops by itself after the maximum length.
    /// </summary>
    public sealed class CallRecorder : IMediaTap
    {
        /// <summary>Blocks (20 ms frames) the ring holds: 640 ms, so a loop that drains every 200 ms has room to spare.</summary>
        public const int RingFrames = 32;

        private readonly IStorage _storage;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private readonly byte[] _header = new byte[WavHeader.Size];
        private readonly byte[] _size = new byte[4];
        private byte[] _ring;          // RingFrames blocks of _blockBytes, allocated by Start for the rate
        private int _blockBytes;
        private int _frameSamples;

        // Guarded by _gate: the media thread writes blocks, the loop takes them.
        private bool _accepting;
        private int _read;             // first filled block
        private int _filled;           // filled blocks
        private long _framesTaken;
        private long _maxFrames;
        private long _dropped;

        // Loop only.
        private string _name;
        private int _rate;
        private int _dataBytes;
        private bool _failed;

        /// <summary>A recorder writing into <paramref name="storage"/>, logging problems to <paramref name="log"/>.</summary>
        public CallRecorder(IStorage storage, ILog log)
        {
            _storage = storage;
            _log = log;
        }

        /// <summary>The file being written (or last written), or null.</summary>
        public string Name { get { return _name; } }

        /// <summary>True from <see cref="Start"/> to <see cref="Stop"/>, while frames are taken.</summary>
        public bool IsRecording { get { lock (_gate) { return _accepting; } } }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/> (also after the limit or a failure ended the taking of frames).</summary>
        public bool IsOpen { get { return _name != null && _rate > 0; } }

        /// <summary>The recording's sample rate (8000 or 16000).</summary>
        public int SampleRate { get { return _rate; } }

        /// <summary>Sample bytes written to storage so far.</summary>
        public int DataBytes { get { return _dataBytes; } }

        /// <summary>Milliseconds of audio taken so far (in storage or waiting in the ring).</summary>
        public long DurationMs { get { lock (_gate) { return _framesTaken * MediaSession.FrameMs; } } }

        /// <summary>Frames lost because the ring was full (the loop did not drain in time).</summary>
        public long DroppedFrames { get { lock (_gate) { return _dropped; } } }

        /// <summary>True once the maximum length was reached (no more frames are taken).</summary>
        public bool LimitReached { get { lock (_gate) { return _maxFrames > 0 && _framesTaken >= _maxFrames; } } }

        /// <summary>True when storage refused a write: the recording ended there.</summary>
        public bool Failed { get { return _failed; } }

        /// <summary>
        /// Starts a new file <paramref name="name"/> at <paramref name="sampleRate"/> (8000 or 16000),
        /// at most <paramref name="maxSeconds"/> long (0 = no limit): writes the header and opens the
        /// ring. False (logged) when storage refuses the file. A running recording is stopped first.
        /// </summary>
        public bool Start(string name, int sampleRate, int maxSeconds)
        {
            Stop();
            if (name == null || (sampleRate != 8000 && sampleRate != 16000)) return false;
            int samples = sampleRate / (1000 / MediaSession.FrameMs);
            if (_ring == null || _frameSamples != samples)
            {
                _ring = null; // the old ring goes before the new one is made
                _ring = new byte[RingFrames * samples * 2];
                _frameSamples = samples;
                _blockBytes = samples * 2;
            }
            WavHeader.Write(_header, 0, sampleRate, 0);
            if (!_storage.WriteAtomic(name, _header, 0, _header.Length))
            {
                _log.Write(LogLevel.Warning, "recording", "cannot create " + name + ": storage refused it (full?); the call goes on unrecorded");
                return false;
            }
            _name = name;
            _rate = sampleRate;
            _dataBytes = 0;
            _failed = false;
            lock (_gate)
            {
                _read = 0;
                _filled = 0;
                _framesTaken = 0;
                _dropped = 0;
                _maxFrames = maxSeconds > 0 ? (long)maxSeconds * (1000 / MediaSession.FrameMs) : 0;
                _accepting = true;
            }
            _log.Write(LogLevel.Info, "recording", "recording to " + name + " at " + sampleRate.ToString() + " Hz");
            return true;
        }

        /// <inheritdoc/>
        public void Frame(short[] sent, short[] heard, int samples, int sampleRate)
        {
            lock (_gate)
            {
                if (!_accepting || samples != _frameSamples || sampleRate != _rate) return;
                if (_maxFrames > 0 && _framesTaken >= _maxFrames) { _accepting = false; return; }
                if (_filled == RingFrames) { _dropped++; return; }
                int at = ((_read + _filled) % RingFrames) * _blockBytes;
                byte[] ring = _ring;
                for (int i = 0; i < samples; i++)
                {
                    int v = sent[i] + heard[i];
                    if (v > short.MaxValue) v = short.MaxValue;
                    else if (v < short.MinValue) v = short.MinValue;
                    ring[at++] = (byte)v;
                    ring[at++] = (byte)(v >> 8);
                }
                _filled++;
                _framesTaken++;
            }
        }

        /// <summary>Stops taking frames for now (loop); the file stays open and <see cref="Resume"/> carries on in it.</summary>
        public void Pause()
        {
            lock (_gate) { _accepting = false; }
            Drain();
        }

        /// <summary>Takes frames again after <see cref="Pause"/>; false when the file is closed, failed or at its limit.</summary>
        public bool Resume()
        {
            if (!IsOpen || _failed) return false;
            lock (_gate)
            {
                if (_maxFrames > 0 && _framesTaken >= _maxFrames) return false;
                _accepting = true;
            }
            return true;
        }

        /// <summary>Appends the filled blocks to the file (loop). False when storage refused them: the recording ends (logged once).</summary>
        public bool Drain()
        {
            if (_rate == 0 || _failed) return !_failed;
            while (true)
            {
                int first, count;
                lock (_gate)
                {
                    first = _read;
                    count = _filled;
                }
                if (count == 0) return true;
                if (first + count > RingFrames) count = RingFrames - first; // up to the ring's end, the rest next round
                // the media thread writes only after the filled blocks, so these stay put while they are appended
                if (!_storage.Append(_name, _ring, first * _blockBytes, count * _blockBytes))
                {
                    _failed = true;
                    lock (_gate) { _accepting = false; _filled = 0; }
                    _log.Write(LogLevel.Warning, "recording", "storage refused more of " + _name + " (full?): the recording ends at " + (_dataBytes / (_rate / 500)).ToString() + " ms; the call goes on");
                    return false;
                }
                _dataBytes += count * _blockBytes;
                lock (_gate)
                {
                    _read = (_read + count) % RingFrames;
                    _filled -= count;
                }
            }
        }

        /// <summary>
        /// Ends the recording (loop): no more frames are taken, the rest is written and the header's sizes
        /// patched. Returns the file's name, or null when nothing was recording.
        /// </summary>
        public string Stop()
        {
            if (_name == null || _rate == 0) return null;
            lock (_gate) { _accepting = false; }
            Drain();
            WavHeader.Int32(_size, 0, 36 + _dataBytes);
            bool patched = _storage.WriteAt(_name, WavHeader.RiffSizeAt, _size, 0, 4);
            WavHeader.Int32(_size, 0, _dataBytes);
            patched = _storage.WriteAt(_name, WavHeader.DataSizeAt, _size, 0, 4) && patched;
            if (!patched) _log.Write(LogLevel.Warning, "recording", "could not write the length into " + _name + "'s header");
            long dropped = DroppedFrames;
            _log.Write(LogLevel.Info, "recording", _name + ": " + (_dataBytes / (_rate / 500)).ToString() + " ms recorded" + (dropped > 0 ? ", " + dropped.ToString() + " frames lost (the loop fell behind)" : ""));
            string name = _name;
            _rate = 0;
            return name;
        }
    }
}
