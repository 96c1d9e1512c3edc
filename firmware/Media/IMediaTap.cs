// What a call's media thread hands a listener every 20 ms: what we sent and what we heard.
namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// Sees every frame of a running <see cref="MediaSession"/> on the media thread (a recorder).
    /// It must not allocate, block or touch storage: copy the samples and return.
    /// </summary>
    public interface IMediaTap
    {
        /// <summary>
        /// One 20 ms frame: <paramref name="sent"/> is the microphone as the far end gets it (silence
        /// while muted or on hold; the phone's own sounds such as a greeting or the recording notice
        /// are not in it), <paramref name="heard"/> the far end's audio as played. Both hold
        /// <paramref name="samples"/> samples at <paramref name="sampleRate"/>.
        /// </summary>
        void Frame(short[] sent, short[] heard, int samples, int sampleRate);
    }

    /// <summary>Fills frames with audio the phone makes itself (a greeting), on the media thread, without allocating.</summary>
    public interface IFrameSource
    {
        /// <summary>Writes <paramref name="samples"/> samples at <paramref name="sampleRate"/> into <paramref name="frame"/>.</summary>
        void Fill(short[] frame, int samples, int sampleRate);
    }
}
