// What goes out besides the microphone (a greeting, the recording notice) and who listens to each frame (a recorder).
namespace DeskPhone.Firmware.Media
{
    public sealed partial class MediaSession
    {
        // Guarded by _gate: set on the loop, read on the media thread. They outlive Start/Stop: the phone clears them.
        private IMediaTap _tap;
        private IFrameSource _sendSource;
        private readonly ToneGenerator _sendOver = new ToneGenerator();
        private readonly short[] _mix8k = new short[FrameSamples];       // the outgoing mix, 20 ms at 8 kHz
        private readonly short[] _mix16k = new short[MaxFrameSamples];   // and at 16 kHz
        private readonly short[] _over8k = new short[FrameSamples];      // the tone mixed over it
        private readonly short[] _over16k = new short[MaxFrameSamples];

        /// <summary>Sees every frame sent and heard (a recorder), or null.</summary>
        public IMediaTap Tap
        {
            get { lock (_gate) { return _tap; } }
            set { lock (_gate) { _tap = value; } }
        }

        /// <summary>
        /// Audio sent to the far end on top of the microphone (a screening greeting), or null. While
        /// muted only this (and <see cref="FarEndTone"/>) is sent.
        /// </summary>
        public IFrameSource SendSource
        {
            get { lock (_gate) { return _sendSource; } }
            set { lock (_gate) { _sendSource = value; } }
        }

        /// <summary>The tone mixed into what the far end hears (the recording notice), or null.</summary>
        public Tone FarEndTone { get { return _sendOver.Current; } }

        /// <summary>Mixes <paramref name="tone"/> into what we send, from the start of its cadence (null = stop).</summary>
        public void PlayToFarEnd(Tone tone) { _sendOver.Play(tone); }

        /// <summary>The frame to encode: the microphone (silence when muted), with the send source and the far-end tone mixed in.</summary>
        private short[] OutgoingLocked(short[] microphone, int samples)
        {
            short[] voice = _muted ? _silence : microphone;
            bool tone = _sendOver.Current != null;
            if (_sendSource == null && !tone) return voice;
            bool wide = samples != FrameSamples;
            short[] mix = wide ? _mix16k : _mix8k;
            int rate = samples * (1000 / FrameMs);
            if (_sendSource != null) _sendSource.Fill(mix, samples, rate);
            else Silence(mix, 0);
            short[] over = null;
            if (tone)
            {
                over = wide ? _over16k : _over8k;
                _sendOver.Fill(over, rate);
            }
            for (int i = 0; i < samples; i++)
            {
                int v = mix[i] + voice[i];
                if (over != null) v += over[i];
                if (v > short.MaxValue) v = short.MaxValue;
                else if (v < short.MinValue) v = short.MinValue;
                mix[i] = (short)v;
            }
            return mix;
        }

        /// <summary>Hands the frame to the tap: the voice as sent (silence when muted or not sending) and the speaker's audio.</summary>
        private void TapLocked(short[] microphone, short[] speaker, int samples)
        {
            if (_tap == null) return;
            short[] sent = _muted || !_canSend ? _silence : microphone;
            _tap.Frame(sent, speaker, samples, samples * (1000 / FrameMs));
        }
    }
}
