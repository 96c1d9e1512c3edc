// Moves audio between the codec and the phone: tones to the speaker, or a call's RTP both ways.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// Owns the codec while the phone needs sound. Frames arrive on the media thread every 20 ms;
    /// the speaker gets the current tone, or, while a <see cref="MediaSession"/> is attached, the
    /// session takes the microphone and fills the speaker.
    /// </summary>
    public sealed class AudioPath
    {
        private readonly IAudioCodec _codec;
        private readonly ToneGenerator _tones = new ToneGenerator();
        private readonly ToneGenerator _over = new ToneGenerator(); // mixed over the call or the tone (call waiting)
        private short[] _overFrame;                                  // the media thread's scratch, sized on first use
        private readonly AudioFrameHandler _onFrame;
        private readonly object _gate = new object();
        private MediaSession _session; // set by the loop, read by the media thread: guarded by _gate
        private int _rate;

        /// <summary>A path over <paramref name="codec"/>, stopped.</summary>
        public AudioPath(IAudioCodec codec)
        {
            _codec = codec;
            _onFrame = OnFrame;
        }

        /// <summary>The tone playing, or null.</summary>
        public Tone Tone { get { return _tones.Current; } }

        /// <summary>True while the codec runs.</summary>
        public bool IsOpen { get { return _codec.IsRunning; } }

        /// <summary>Starts the codec at <paramref name="sampleRate"/> on <paramref name="route"/>.</summary>
        public bool Open(int sampleRate, AudioRoute route)
        {
            _codec.SetRoute(route);
            if (_codec.IsRunning && _rate == sampleRate) return true;
            _rate = sampleRate;
            return _codec.Start(sampleRate, _onFrame);
        }

        /// <summary>Changes the route while open.</summary>
        public void Route(AudioRoute route) { _codec.SetRoute(route); }

        /// <summary>Plays a tone (null = silence).</summary>
        public void Play(Tone tone) { _tones.Play(tone); }

        /// <summary>The tone mixed over whatever else plays (the call's audio included), or null.</summary>
        public Tone OverlayTone { get { return _over.Current; } }

        /// <summary>Mixes <paramref name="tone"/> over the speaker's sound, the call's audio included (null = stop): the call-waiting beep.</summary>
        public void PlayOver(Tone tone) { _over.Play(tone); }

        /// <summary>The call's media session while attached, or null.</summary>
        public MediaSession Session { get { lock (_gate) { return _session; } } }

        /// <summary>Routes frames to <paramref name="session"/> instead of the tones (null: back to tones).</summary>
        public void Attach(MediaSession session)
        {
            lock (_gate) { _session = session; }
        }

        /// <summary>Stops the tone and the codec.</summary>
        public void Close()
        {
            _tones.Play(null);
            _over.Play(null);
            _codec.Stop();
        }

        private void OnFrame(short[] microphone, short[] speaker)
        {
            MediaSession session;
            lock (_gate) { session = _session; }
            if (session != null) session.Frame(microphone, speaker);
            else _tones.Fill(speaker, _rate);
            if (_over.Current != null) MixOver(speaker);
        }

        private void MixOver(short[] speaker)
        {
            if (_overFrame == null || _overFrame.Length != speaker.Length) _overFrame = new short[speaker.Length];
            _over.Fill(_overFrame, _rate);
            for (int i = 0; i < speaker.Length; i++)
            {
                int v = speaker[i] + _overFrame[i];
                if (v > short.MaxValue) v = short.MaxValue;
                else if (v < short.MinValue) v = short.MinValue;
                speaker[i] = (short)v;
            }
        }
    }
}
