// PCMU and PCMA as an IVoiceCodec: one byte per sample at 8 kHz, no state.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>G.711 µ-law (PCMU) or A-law (PCMA) behind <see cref="IVoiceCodec"/> (RFC 3551 §4.5.14).</summary>
    public sealed class G711Codec : IVoiceCodec
    {
        private readonly bool _aLaw;

        /// <summary>A-law when <paramref name="aLaw"/>, else µ-law.</summary>
        public G711Codec(bool aLaw)
        {
            _aLaw = aLaw;
        }

        /// <inheritdoc />
        public string Name { get { return _aLaw ? "PCMA" : "PCMU"; } }

        /// <inheritdoc />
        public int SampleRate { get { return 8000; } }

        /// <inheritdoc />
        public int RtpClockRate { get { return 8000; } }

        /// <summary>The byte a silent sample encodes to (0xD5 A-law, 0xFF µ-law).</summary>
        public byte SilenceByte { get { return _aLaw ? (byte)0xD5 : (byte)0xFF; } }

        /// <inheritdoc />
        public int EncodedBytes(int samples) { return samples; }

        /// <inheritdoc />
        public int DecodedSamples(int bytes) { return bytes; }

        /// <inheritdoc />
        public int Encode(short[] pcm, int pcmOffset, int samples, byte[] payload, int payloadOffset)
        {
            if (_aLaw) G711.EncodeA(pcm, pcmOffset, payload, payloadOffset, samples);
            else G711.EncodeMu(pcm, pcmOffset, payload, payloadOffset, samples);
            return samples;
        }

        /// <inheritdoc />
        public int Decode(byte[] payload, int payloadOffset, int count, short[] pcm, int pcmOffset)
        {
            if (_aLaw) G711.DecodeA(payload, payloadOffset, pcm, pcmOffset, count);
            else G711.DecodeMu(payload, payloadOffset, pcm, pcmOffset, count);
            return count;
        }

        /// <inheritdoc />
        public void Reset() { }
    }
}
