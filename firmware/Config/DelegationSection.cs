// Reads a shared key's "delegation" object and the top-level "pendingPairings" list, with every problem located.
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// The delegation fields deskphone-provision writes (firmware/Config/README.md, "Delegation"):
    /// <c>"delegation": { "pairing", "for", "permissions", "vip" }</c> on a shared key and
    /// <c>"pendingPairings": [ { "id", "role", "with", "extension", "permissions", "prompt" } ]</c>.
    /// </summary>
    internal static class DelegationSection
    {
        /// <summary>The key field.</summary>
        public const string Field = "delegation";

        /// <summary>The top-level field.</summary>
        public const string PendingField = "pendingPairings";

        /// <summary>Most VIP callers one executive may list.</summary>
        public const int MaxVip = 100;

        private static readonly string[] Fields = { "pairing", "for", "permissions", "vip" };
        private static readonly string[] PendingFields = { "id", "role", "with", "extension", "permissions", "prompt" };
        private static readonly string[] RoleNames = { "executive", "assistant" };

        /// <summary>A shared key's "delegation", or null when absent or wrong (errors added).</summary>
        public static KeyDelegation ReadKey(ConfigObject key, ConfigErrors errors)
        {
            JsonValue v = key.Container(Field, JsonKind.Object, false);
            if (v == null) return null;
            ConfigObject o = ConfigObject.Open(v, key.FieldPath(Field), Fields, errors);
            if (o == null) return null;
            o.ReportUnknownFields();
            string pairing = DeviceConfigLoader.Identifier(o, "pairing", false);
            string forName = o.String("for", true, DeviceConfigLoader.MaxNameLength);
            bool[] permissions = Permissions(o, errors);
            string[] vip = Vip(o, errors);
            if (o.ErrorCount > 0 || permissions == null || vip == null) return null;
            return new KeyDelegation(pairing, forName, permissions, vip);
        }

        /// <summary>"pendingPairings" (empty when absent; null when wrong, errors added).</summary>
        public static PendingPairing[] ReadPending(ConfigObject top, ConfigErrors errors)
        {
            JsonValue list = top.Container(PendingField, JsonKind.Array, false);
            if (list == null) return top.Has(PendingField) ? null : new PendingPairing[0];
            PendingPairing[] result = new PendingPairing[list.Count];
            string[] ids = new string[list.Count];
            bool allGood = true;
            for (int i = 0; i < list.Count; i++)
            {
                ConfigObject o = ConfigObject.Open(list[i], PendingField + "[" + i.ToString() + "]", PendingFields, errors);
                if (o == null)
                {
                    allGood = false;
                    continue;
                }
                o.ReportUnknownFields();
                string id = DeviceConfigLoader.Identifier(o, "id", true);
                int role = o.Choice("role", RoleNames, "a role", true);
                string with = o.String("with", true, DeviceConfigLoader.MaxNameLength);
                string extension = DeviceConfigLoader.DialString(o, "extension", true);
                bool[] permissions = Permissions(o, errors);
                bool prompt = o.Boolean("prompt", true);
                for (int j = 0; id != null && j < i; j++)
                {
                    if (ids[j] == id)
                    {
                        o.ErrorAt("id", "'" + id + "' is already the id of pendingPairings[" + j.ToString() + "]");
                        break;
                    }
                }
                ids[i] = id;
                if (o.ErrorCount > 0 || permissions == null)
                {
                    allGood = false;
                    continue;
                }
                result[i] = new PendingPairing(id, (PairingRole)role, with, extension, permissions, prompt);
            }
            return allGood ? result : null;
        }

        /// <summary>"permissions": an array of the names in <see cref="KeyDelegation.PermissionNames"/>, each once (required).</summary>
        private static bool[] Permissions(ConfigObject o, ConfigErrors errors)
        {
            JsonValue v = o.Container("permissions", JsonKind.Array, true);
            if (v == null) return null;
            string[] names = KeyDelegation.PermissionNames;
            bool[] set = new bool[names.Length];
            bool ok = true;
            for (int i = 0; i < v.Count; i++)
            {
                JsonValue item = v[i];
                string path = o.FieldPath("permissions") + "[" + i.ToString() + "]";
                if (item.Kind != JsonKind.String)
                {
                    errors.Add(item.Line, item.Column, path, "expected a string, found " + item.Describe());
                    ok = false;
                    continue;
                }
                int index = ConfigObject.IndexOf(names, item.StringValue);
                if (index < 0)
                {
                    errors.Add(item.Line, item.Column, path, "'" + ConfigObject.Printable(item.StringValue) + "' is not a permission"
                        + Spelling.Hint(item.StringValue, names) + "; expected one of " + ConfigObject.Join(names));
                    ok = false;
                    continue;
                }
                if (set[index])
                {
                    errors.Add(item.Line, item.Column, path, "'" + names[index] + "' is listed twice");
                    ok = false;
                    continue;
                }
                set[index] = true;
            }
            return ok ? set : null;
        }

        /// <summary>"vip": SIP URIs or dial strings (optional, empty by default).</summary>
        private static string[] Vip(ConfigObject o, ConfigErrors errors)
        {
            JsonValue v = o.Container("vip", JsonKind.Array, false);
            if (v == null) return o.Has("vip") ? null : new string[0];
            if (v.Count > MaxVip)
            {
                o.ErrorAt("vip", v.Count.ToString() + " VIP callers; at most " + MaxVip.ToString() + " are allowed");
                return null;
            }
            string[] vip = new string[v.Count];
            bool ok = true;
            for (int i = 0; i < v.Count; i++)
            {
                JsonValue item = v[i];
                string path = o.FieldPath("vip") + "[" + i.ToString() + "]";
                string text = item.Kind == JsonKind.String ? item.StringValue : null;
                SipUri uri;
                string reason;
                if (text == null)
                {
                    errors.Add(item.Line, item.Column, path, "expected a string, found " + item.Describe());
                    ok = false;
                }
                else if (!DeviceConfigLoader.IsDialString(text) && !SipUri.TryParse(text, out uri, out reason))
                {
                    errors.Add(item.Line, item.Column, path, "'" + ConfigObject.Printable(text) + "' is neither a SIP URI nor a dial string (digits, '*', '#' and '+')");
                    ok = false;
                }
                vip[i] = text;
            }
            return ok ? vip : null;
        }
    }
}
