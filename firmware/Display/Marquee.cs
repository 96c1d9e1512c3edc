// How far a scrolling line has moved at a given time: pause, slide left, wrap round, pause again.
namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// The pixel offset of a marquee (a line too long for its room that scrolls left), from the time
    /// since it appeared. Each cycle rests at offset 0 for <see cref="PauseMs"/>, then slides by
    /// <see cref="PixelsPerSecond"/> until the text's copy (drawn <see cref="Gap"/> pixels after its
    /// end) reaches the start, which looks like offset 0 again. Pure integer arithmetic, no state, no allocation:
    /// a view calls it on each frame and draws with <see cref="TextRenderer.DrawScrolled"/>.
    /// </summary>
    public static class Marquee
    {
        /// <summary>Rest at the start of every cycle, so the head of the name can be read.</summary>
        public const int PauseMs = 2000;

        /// <summary>Scrolling speed.</summary>
        public const int PixelsPerSecond = 25;

        /// <summary>Space between the end of the text and its next copy.</summary>
        public const int Gap = 24;

        /// <summary>True when text <paramref name="textWidth"/> wide does not fit <paramref name="roomWidth"/> and so scrolls.</summary>
        public static bool Scrolls(int textWidth, int roomWidth) { return textWidth > roomWidth; }

        /// <summary>The offset with the default pause, speed and gap.</summary>
        public static int Offset(long elapsedMs, int textWidth, int roomWidth)
        {
            return Offset(elapsedMs, textWidth, roomWidth, PauseMs, PixelsPerSecond, Gap);
        }

        /// <summary>
        /// Pixels the text has moved left <paramref name="elapsedMs"/> after it appeared: 0 while it fits
        /// or rests, else from 0 up to textWidth + gap - 1.
        /// </summary>
        public static int Offset(long elapsedMs, int textWidth, int roomWidth, int pauseMs, int pixelsPerSecond, int gap)
        {
            if (!Scrolls(textWidth, roomWidth) || pixelsPerSecond <= 0 || elapsedMs < 0) return 0;
            long period = textWidth + gap;
            long travelMs = (period * 1000 + pixelsPerSecond - 1) / pixelsPerSecond;
            long phase = elapsedMs % (pauseMs + travelMs);
            if (phase < pauseMs) return 0;
            long offset = (phase - pauseMs) * pixelsPerSecond / 1000;
            return offset >= period ? 0 : (int)offset;
        }
    }
}
