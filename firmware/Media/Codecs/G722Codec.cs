// G.722 as an IVoiceCodec: 16 kHz audio, 64 kbit/s, RTP clock 8000 (RFC 3551 §4.5.2).
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// G.722 at 64 kbit/s behind <see cref="IVoiceCodec"/>: a 20 ms frame is 320 samples and 160
    /// octets. The RTP timestamp advances 8000 per second although audio is sampled at 16 kHz, an
    /// error in the original RFC 1890 kept for compatibility (RFC 3551 §4.5.2). One instance per
    /// stream: it holds the encoder's and the decoder's state.
    /// </summary>
    public sealed class G722Codec : IVoiceCodec
    {
        private readonly G722Encoder _encoder = new G722Encoder();
        private readonly G722Decoder _decoder = new G722Decoder();

        /// <inheritdoc />
        public string Name { get { return "G722"; } }

        /// <inheritdoc />
        public int SampleRate { get { return 16000; } }

        /// <inheritdoc />
        public int RtpClockRate { get { return 8000; } }

        /// <inheritdoc />
        public int EncodedBytes(int samples) { return samples / 2; }

        /// <inheritdoc />
        public int DecodedSamples(int bytes) { return bytes * 2; }

        /// <inheritdoc />
        /// <remarks><paramref name="samples"/> must be even: G.722 codes samples in pairs.</remarks>
        public int Encode(short[] pcm, int pcmOffset, int samples, byte[] payload, int payloadOffset)
        {
            return _encoder.Encode(pcm, pcmOffset, samples, payload, payloadOffset);
        }

        /// <inheritdoc />
        public int Decode(byte[] payload, int payloadOffset, int count, short[] pcm, int pcmOffset)
        {
            return _decoder.Decode(payload, payloadOffset, count, pcm, pcmOffset);
        }

        /// <inheritdoc />
        public void Reset()
        {
            _encoder.Reset();
            _decoder.Reset();
        }
    }
}
