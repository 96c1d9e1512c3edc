// The LED(s) of one line key.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>
    /// The lamp of a line key: one pin for a single-colour LED, or a green and a red pin for a
    /// two-colour LED (amber lights both). Unused pins are -1.
    /// </summary>
    public sealed class LampPins
    {
        /// <summary>A lamp with no pins yet.</summary>
        public LampPins()
        {
            Pin = -1;
            Green = -1;
            Red = -1;
        }

        /// <summary>The line key the lamp belongs to (KeyCodes.Line(n)).</summary>
        public int KeyCode { get; set; }

        /// <summary>The line key's number, 1-based (lamp index + 1 in ILamps).</summary>
        public int LineNumber { get { return KeyCodes.LineNumber(KeyCode); } }

        /// <summary>Single-colour LED pin, or -1 for a two-colour lamp.</summary>
        public int Pin { get; set; }

        /// <summary>Green LED pin of a two-colour lamp, or -1.</summary>
        public int Green { get; set; }

        /// <summary>Red LED pin of a two-colour lamp, or -1.</summary>
        public int Red { get; set; }

        /// <summary>True when the LED lights with the pin low; false (the default) when it lights high.</summary>
        public bool ActiveLow { get; set; }

        /// <summary>True for a two-colour lamp.</summary>
        public bool IsTwoColour { get { return Pin < 0; } }
    }
}
