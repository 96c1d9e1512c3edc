// How a line rings: the "ring" object of an account or a line key ({ "cadence": "triple", "volume": 7 }).
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>The ring patterns a line may use (the phone maps each to a tone cadence).</summary>
    public enum RingCadence
    {
        /// <summary>One 2 s ring every 6 s.</summary>
        Standard = 0,
        /// <summary>One 0.5 s ring every 6 s.</summary>
        Short = 1,
        /// <summary>Three short rings every 6 s.</summary>
        Triple = 2,
        /// <summary>Long-long, for VIP callers and executives' lines.</summary>
        Vip = 3
    }

    /// <summary>A line's ring: cadence and, when set, its own volume.</summary>
    public sealed class RingSettings
    {
        /// <summary>Loudest ring volume.</summary>
        public const int MaxVolume = 10;

        /// <summary>The cadence names, in <see cref="RingCadence"/> order.</summary>
        internal static readonly string[] CadenceNames = { "standard", "short", "triple", "vip" };

        internal RingSettings(RingCadence cadence, int volume)
        {
            Cadence = cadence;
            Volume = volume;
        }

        /// <summary>The ring pattern (default standard).</summary>
        public RingCadence Cadence { get; private set; }

        /// <summary>Ring volume 0-10, or -1 when the file leaves it to the user's ring volume.</summary>
        public int Volume { get; private set; }

        /// <summary>"standard", "short", "triple", "vip".</summary>
        public static string CadenceName(RingCadence cadence)
        {
            int i = (int)cadence;
            return i >= 0 && i < CadenceNames.Length ? CadenceNames[i] : CadenceNames[0];
        }
    }

    /// <summary>Reads a "ring" object for <see cref="AccountsSection"/> and <see cref="KeysSection"/>.</summary>
    internal static class RingSection
    {
        /// <summary>The field's name.</summary>
        public const string Field = "ring";

        private static readonly string[] Fields = { "cadence", "volume" };

        /// <summary>The "ring" field of <paramref name="owner"/>, or null when absent or wrong (errors added to <paramref name="errors"/>).</summary>
        public static RingSettings Read(ConfigObject owner, ConfigErrors errors)
        {
            JsonValue v = owner.Container(Field, JsonKind.Object, false);
            if (v == null) return null;
            ConfigObject o = ConfigObject.Open(v, owner.FieldPath(Field), Fields, errors);
            if (o == null) return null;
            o.ReportUnknownFields();
            int cadence = o.Choice("cadence", RingSettings.CadenceNames, "a ring cadence", false);
            int volume = o.Integer("volume", 0, RingSettings.MaxVolume, -1);
            if (o.ErrorCount > 0) return null;
            return new RingSettings(cadence < 0 ? RingCadence.Standard : (RingCadence)cadence, volume);
        }
    }
}
