// The timing of key handling, in one place.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Input
{
    /// <summary>Debounce, long-press and repeat timings.</summary>
    public static class KeyTiming
    {
        /// <summary>A contact must stay put this long before its new state counts.</summary>
        public const int DebounceMs = 8;

        /// <summary>Held this long, a key reports a long press.</summary>
        public const int LongPressMs = 1000;

        /// <summary>Held this long, a repeating key starts repeating.</summary>
        public const int RepeatDelayMs = 500;

        /// <summary>Then it repeats at this interval.</summary>
        public const int RepeatIntervalMs = 150;

        /// <summary>Keys that auto-repeat while held.</summary>
        public static bool Repeats(int keyCode)
        {
            return keyCode == KeyCodes.VolumeUp || keyCode == KeyCodes.VolumeDown
                || keyCode == KeyCodes.Up || keyCode == KeyCodes.Down
                || keyCode == KeyCodes.Left || keyCode == KeyCodes.Right;
        }
    }
}
