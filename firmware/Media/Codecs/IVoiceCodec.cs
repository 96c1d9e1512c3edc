// One call's voice codec: 20 ms frames of linear PCM to RTP payload bytes and back, with its own state.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// The encoder and decoder of one call's stream. Stateful codecs (G.722) keep their state
    /// here, so every call makes its own instance through <see cref="VoiceCodecs.Create"/>.
    /// Methods run on the media thread and must not allocate.
    /// </summary>
    public interface IVoiceCodec
    {
        /// <summary>The RTP encoding name as in SDP (PCMU, PCMA, G722).</summary>
        string Name { get; }

        /// <summary>The audio sample rate of the PCM side (8000 or 16000).</summary>
        int SampleRate { get; }

        /// <summary>The RTP timestamp clock (8000 for G.722 too, RFC 3551 §4.5.2).</summary>
        int RtpClockRate { get; }

        /// <summary>Payload bytes that <paramref name="samples"/> PCM samples encode to.</summary>
        int EncodedBytes(int samples);

        /// <summary>PCM samples that <paramref name="bytes"/> payload bytes decode to.</summary>
        int DecodedSamples(int bytes);

        /// <summary>
        /// Encodes <paramref name="samples"/> samples from <paramref name="pcm"/> at
        /// <paramref name="pcmOffset"/> into <paramref name="payload"/> at <paramref name="payloadOffset"/>;
        /// returns the bytes written.
        /// </summary>
        int Encode(short[] pcm, int pcmOffset, int samples, byte[] payload, int payloadOffset);

        /// <summary>
        /// Decodes <paramref name="count"/> payload bytes into <paramref name="pcm"/> at
        /// <paramref name="pcmOffset"/>; returns the samples written.
        /// </summary>
        int Decode(byte[] payload, int payloadOffset, int count, short[] pcm, int pcmOffset);

        /// <summary>Forgets the encoder and decoder state (a new stream).</summary>
        void Reset();
    }
}
