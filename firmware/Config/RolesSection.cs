// Reads the top-level "roles": the admin PIN's hash, restricted mode, emergency numbers and internal patterns.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"roles": { "adminPinSha256": "...", "restricted": false, "emergency": ["112", "911"], "internal": ["2XX"] }</c>
    /// (optional; firmware/Config/README.md, "Roles"). Every field is optional.
    /// </summary>
    internal static class RolesSection
    {
        /// <summary>The top-level field.</summary>
        public const string Field = "roles";

        /// <summary>Most emergency numbers or internal patterns a file may list.</summary>
        public const int MaxNumbers = 20;

        private static readonly string[] Fields = { "adminPinSha256", "restricted", "emergency", "internal" };

        /// <summary>The roles (<see cref="PhoneRoles.Default"/> when absent; null when wrong, errors added).</summary>
        public static PhoneRoles Read(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container(Field, JsonKind.Object, false);
            if (v == null) return top.Has(Field) ? null : PhoneRoles.Default;
            ConfigObject o = ConfigObject.Open(v, Field, Fields, errors);
            o.ReportUnknownFields();
            string pin = o.String("adminPinSha256", false, 64);
            if (pin != null && !IsSha256Hex(pin))
            {
                o.ErrorAt("adminPinSha256", "expected 64 hex digits (SHA-256 of the device id, ':' and the PIN), found " + pin.Length.ToString() + " characters"
                    + (pin.Length == 64 ? " that are not all hex digits" : ""));
                pin = null;
            }
            bool restricted = o.Boolean("restricted", false);
            string[] emergency = Numbers(o, "emergency", false, errors);
            string[] internalPatterns = Numbers(o, "internal", true, errors);
            if (o.ErrorCount > 0 || emergency == null || internalPatterns == null) return null;
            if (!o.Has("emergency")) emergency = PhoneRoles.DefaultEmergency;
            return new PhoneRoles(pin == null ? null : pin.ToLower(), restricted, emergency, internalPatterns);
        }

        private static bool IsSha256Hex(string s)
        {
            if (s.Length != 64) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
            }
            return true;
        }

        /// <summary>An array of dial strings (patterns allow X for any digit); empty when absent, null when wrong.</summary>
        private static string[] Numbers(ConfigObject o, string name, bool patterns, ConfigErrors errors)
        {
            JsonValue list = o.Container(name, JsonKind.Array, false);
            if (list == null) return o.Has(name) ? null : new string[0];
            if (list.Count > MaxNumbers)
            {
                o.ErrorAt(name, list.Count.ToString() + " entries; at most " + MaxNumbers.ToString() + " are allowed");
                return null;
            }
            string[] result = new string[list.Count];
            bool ok = true;
            for (int i = 0; i < list.Count; i++)
            {
                JsonValue item = list[i];
                string path = o.FieldPath(name) + "[" + i.ToString() + "]";
                if (item.Kind != JsonKind.String)
                {
                    errors.Add(item.Line, item.Column, path, "expected a string, found " + item.Describe());
                    ok = false;
                    continue;
                }
                string s = item.StringValue;
                if (!IsNumber(s, patterns))
                {
                    errors.Add(item.Line, item.Column, path, "'" + ConfigObject.Printable(s) + "' is not " + (patterns
                        ? "a number pattern (digits, '*', '#', '+' and X for any digit, like 2XX)"
                        : "a dial string (digits, '*', '#' and '+')"));
                    ok = false;
                    continue;
                }
                result[i] = s;
            }
            return ok ? result : null;
        }

        private static bool IsNumber(string s, bool patterns)
        {
            if (s.Length == 0 || s.Length > DeviceConfigLoader.MaxDialLength) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+' || (patterns && (c == 'X' || c == 'x'));
                if (!ok) return false;
            }
            return true;
        }
    }
}
