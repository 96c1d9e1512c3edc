// The audio codec on I2S: 16-bit mono PCM frames of 20 ms in and out.
namespace DeskPhone.Hal
{
    /// <summary>Where the sound goes and comes from.</summary>
    public enum AudioRoute
    {
        Handset = 0,
        Speaker = 1,
        Headset = 2
    }

    /// <summary>
    /// Called every 20 ms on the media thread with the microphone frame just captured; the handler
    /// fills <paramref name="speaker"/> with the frame to play. Both hold SampleRate / 50 samples.
    /// The handler must not allocate and must not block.
    /// </summary>
    public delegate void AudioFrameHandler(short[] microphone, short[] speaker);

    /// <summary>The audio codec (for example an ES8388 or WM8960 on I2S).</summary>
    public interface IAudioCodec
    {
        /// <summary>True while frames flow.</summary>
        bool IsRunning { get; }

        /// <summary>The sample rate frames flow at (8000 or 16000), 0 when stopped.</summary>
        int SampleRate { get; }

        /// <summary>Starts the frame clock at 8000 or 16000 Hz; false if the rate is not supported.</summary>
        bool Start(int sampleRateHz, AudioFrameHandler onFrame);

        /// <summary>Stops the frame clock; no handler call follows.</summary>
        void Stop();

        /// <summary>Selects handset, speaker or headset.</summary>
        void SetRoute(AudioRoute route);

        /// <summary>Output volume, 0 (silent) to 10.</summary>
        void SetVolume(int level);
    }
}
