// One key or the hookswitch wired to a pin.
namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>A key on a pin: which logical key it is and how its contact reads.</summary>
    public sealed class KeyPin
    {
        /// <summary>The logical key (DeskPhone.Hal.KeyCodes).</summary>
        public int KeyCode { get; set; }

        /// <summary>The key's name as KeyCodes.Name gives it ("line1", "hook", "5").</summary>
        public string KeyName { get; set; }

        /// <summary>GPIO line offset (Raspberry Pi, BCM numbering) or GPIO number (ESP32).</summary>
        public int Pin { get; set; }

        /// <summary>True (the default) when a closed contact reads low: a button to ground with a pull-up.</summary>
        public bool ActiveLow { get; set; }
    }
}
