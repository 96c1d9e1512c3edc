// What a programmable key does.
namespace DeskPhone.Firmware.Config
{
    /// <summary>The kind of a programmable key, as written in the device file's "kind".</summary>
    public enum KeyKind
    {
        /// <summary>"line": a line appearance of one of this phone's accounts.</summary>
        Line = 0,
        /// <summary>"shared": another user's line shown and answered here (executive/assistant).</summary>
        Shared = 1,
        /// <summary>"blf": busy lamp field for a colleague; press to call or pick up.</summary>
        Blf = 2,
        /// <summary>"park": a park orbit; lamp shows whether a call is parked there.</summary>
        Park = 3,
        /// <summary>"speeddial": calls a URI or dial string.</summary>
        SpeedDial = 4,
        /// <summary>"feature": a phone function such as DND or transfer (see <see cref="KeyFeatures"/>).</summary>
        Feature = 5
    }
}
