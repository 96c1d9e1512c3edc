// One entry of the office's outcome list ("outcomes" in the device file): what became of a call.
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// An outcome the office lets people pick when a call ends ("Reached", "Left voicemail").
    /// A disabled one is no longer offered; calls that already have it keep its label (history stores labels).
    /// </summary>
    public sealed class CallOutcome
    {
        /// <summary>A call outcome as the device file gives it.</summary>
        public CallOutcome(string id, string label, bool enabled)
        {
            Id = id;
            Label = label;
            Enabled = enabled;
        }

        /// <summary>The office's id for it ("left-voicemail"), stable across renames.</summary>
        public string Id { get; private set; }

        /// <summary>What the screen shows and the history stores ("Left voicemail").</summary>
        public string Label { get; private set; }

        /// <summary>False when the office no longer offers it.</summary>
        public bool Enabled { get; private set; }
    }
}
