// Reads and checks the "lampScheme" section and the BLF pickup code of a device file.
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Lamps;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// "lampScheme": { "ringingOthers": "amber fast-flash", "failed": "red broken-flash" } overrides
    /// entries of <see cref="LampScheme.Default"/>; "features.blfPickupCode": "*8" makes BLF keys pick
    /// up by dialing the code and the watched extension. Every problem is reported with its position.
    /// </summary>
    internal static class LampSchemeSection
    {
        /// <summary>The field of "features" holding the directed-pickup code.</summary>
        public const string PickupCodeField = "blfPickupCode";

        private static readonly string[] NoFields = new string[0];

        /// <summary>The scheme the file asks for (the default when the section is left out or broken).</summary>
        public static LampScheme Read(ConfigObject top, ConfigErrors errors)
        {
            LampScheme scheme = LampScheme.Default;
            JsonValue v = top.Container("lampScheme", JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, "lampScheme", LampScheme.AllNames(), errors);
            if (o == null) return scheme;
            o.ReportUnknownFields();
            for (int i = 0; i < LampScheme.MeaningCount; i++)
            {
                LampMeaning meaning = (LampMeaning)i;
                string name = LampScheme.Name(meaning);
                string text = o.String(name, false, 64);
                if (text == null) continue;
                LampState state;
                if (!LampScheme.TryParseState(text, out state))
                {
                    o.ErrorAt(name, "'" + ConfigObject.Printable(text) + "' is not a lamp: write 'off' or a colour (green, red, amber)"
                        + " and a cadence (steady, fast-flash, slow-flash, broken-flash), e.g. 'red fast-flash'");
                    continue;
                }
                scheme = scheme.With(meaning, state);
            }
            LampState failed = scheme.For(LampMeaning.Failed);
            LampState idle = scheme.For(LampMeaning.Idle);
            if (o.ErrorCount == 0 && !LampScheme.LooksDifferent(failed, idle, false))
            {
                // Checked colour-blind: a one-colour LED must tell a failed key from an idle one too.
                string field = o.Has("failed") ? "failed" : "idle";
                o.ErrorAt(field, "failed ('" + failed.ToString() + "') must look different from idle ('" + idle.ToString()
                    + "') on a one-colour LED too: change the cadence or switch one of them off");
            }
            return scheme;
        }

        /// <summary>"features.blfPickupCode" (a dial string), or null when left out or broken.</summary>
        public static string PickupCode(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Get("features");
            if (v == null || v.Kind != JsonKind.Object) return null; // the features reader reports a wrong type
            ConfigObject o = ConfigObject.Open(v, "features", NoFields, errors);
            return DeviceConfigLoader.DialString(o, PickupCodeField, false);
        }
    }
}
