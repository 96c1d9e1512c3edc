// The lamp scheme and the BLF pickup code of a device file.
using DeskPhone.Firmware.Lamps;

namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private LampScheme _lampScheme;

        /// <summary>What each lamp meaning looks like: <see cref="LampScheme.Default"/> with the file's "lampScheme" entries.</summary>
        public LampScheme LampScheme { get { return _lampScheme != null ? _lampScheme : LampScheme.Default; } }

        /// <summary>"features.blfPickupCode" ("*8"): BLF keys pick up by dialing it and the extension; null = INVITE with Replaces.</summary>
        public string BlfPickupCode { get; private set; }

        internal DeviceConfig WithLamps(LampScheme scheme, string blfPickupCode)
        {
            _lampScheme = scheme;
            BlfPickupCode = blfPickupCode;
            return this;
        }
    }
}
