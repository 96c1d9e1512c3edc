// Turns a device file's text into a DeviceConfig, or into every error the file has.
using System.Collections;
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// Checks a device file completely and builds a <see cref="DeviceConfig"/> only when it has
    /// no errors. All errors are collected (JSON syntax errors stop the reading, since nothing
    /// after them can be trusted). Never throws for bad input. The format is in README.md.
    /// </summary>
    public static class DeviceConfigLoader
    {
        private static readonly string[] TopFields = { "device", "accounts", "keys", "features", "display", "lampScheme", DelegationSection.PendingField, PairingServiceSection.Field, CrmSections.ApiField, CrmSections.WebhooksField, RecordingSection.Field, RecordingSection.ScreeningField, OutcomesSection.Field, RolesSection.Field, ContactsSection.Field };
        private static readonly string[] DeviceFields = { "id", "name", "extension", "board" };
        private static readonly string[] FeatureFields = { "dnd", "callWaiting", "autoAnswer", "acceptOnlyFromProxy", LampSchemeSection.PickupCodeField };
        private static readonly string[] DisplayFields = { "contrast", "clock24h" };

        /// <summary>Longest id, board name or account id.</summary>
        public const int MaxIdLength = 32;
        /// <summary>Longest device name, display name or user.</summary>
        public const int MaxNameLength = 64;
        /// <summary>Longest extension or dial string.</summary>
        public const int MaxDialLength = 32;

        /// <summary>
        /// Reads <paramref name="text"/> (the file named <paramref name="fileName"/>, used in messages).
        /// Returns true with <paramref name="config"/> set and <paramref name="errors"/> empty, or false
        /// with config null and every problem in errors, sorted by position.
        /// </summary>
        public static bool TryLoad(string fileName, string text, out DeviceConfig config, out ConfigErrors errors)
        {
            config = null;
            errors = new ConfigErrors(fileName);
            JsonValue root;
            JsonError[] jsonErrors;
            JsonReader.TryParseAll(text, out root, out jsonErrors);
            for (int i = 0; i < jsonErrors.Length; i++)
            {
                JsonError e = jsonErrors[i];
                errors.Add(e.Line, e.Column, e.Path, e.Message);
            }
            if (root == null)
            {
                return false;
            }
            DeviceConfig built = Build(fileName, root, errors);
            errors.SortByPosition();
            if (errors.Count > 0 || errors.Truncated)
            {
                return false;
            }
            config = built;
            return true;
        }

        private static DeviceConfig Build(string fileName, JsonValue root, ConfigErrors errors)
        {
            ConfigObject top = ConfigObject.Open(root, "", TopFields, errors);
            if (top == null)
            {
                return null;
            }
            top.ReportUnknownFields();
            DeviceIdentity device = ReadDevice(top, errors);
            Hashtable declaredAccounts;
            AccountConfig[] accounts = AccountsSection.Read(top, device == null ? null : device.Name, errors, out declaredAccounts);
            KeyConfig[] keys = KeysSection.Read(top, declaredAccounts, accounts == null ? null : accounts[0], errors);
            FeatureSwitches features = ReadFeatures(top, errors);
            DisplaySettings display = ReadDisplay(top, errors);
            Lamps.LampScheme lampScheme = LampSchemeSection.Read(top, errors);      // LampSchemeSection.cs
            string blfPickupCode = LampSchemeSection.PickupCode(top, errors);
            PendingPairing[] pending = DelegationSection.ReadPending(top, errors);   // DelegationSection.cs
            Sip.SipUri pairingService = PairingServiceSection.Read(top);              // PairingServiceSection.cs
            ApiSettings api = CrmSections.ReadApi(top, errors);                         // CrmSections.cs
            WebhookSettings webhooks = CrmSections.ReadWebhooks(top, errors);
            RecordingPolicy recording = RecordingSection.Read(top, errors);           // RecordingSection.cs
            CallOutcome[] outcomes = OutcomesSection.Read(top, errors);                // OutcomesSection.cs
            PhoneRoles roles = RolesSection.Read(top, errors);                          // RolesSection.cs
            string contactsFile;
            Contacts.LookupUrl contactsLookup;
            ContactsSection.Read(top, errors, out contactsFile, out contactsLookup); // ContactsSection.cs
            if (device == null || accounts == null || keys == null)
            {
                return null;
            }
            return new DeviceConfig(fileName, device, accounts, keys, features, display).WithLamps(lampScheme, blfPickupCode).WithDelegation(pending).WithPairingService(pairingService).WithCrm(api, webhooks).WithRecording(recording).WithOutcomes(outcomes).WithRoles(roles).WithContacts(contactsFile, contactsLookup);
        }

        private static DeviceIdentity ReadDevice(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container("device", JsonKind.Object, true);
            if (v == null)
            {
                return null;
            }
            ConfigObject o = ConfigObject.Open(v, "device", DeviceFields, errors);
            o.ReportUnknownFields();
            string id = Identifier(o, "id", true);
            string name = o.String("name", true, MaxNameLength);
            string extension = DialString(o, "extension", true);
            string board = Identifier(o, "board", true);
            if (id == null || name == null || extension == null || board == null)
            {
                return null;
            }
            return new DeviceIdentity(id, name, extension, board);
        }

        private static FeatureSwitches ReadFeatures(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container("features", JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, "features", FeatureFields, errors);
            if (o == null)
            {
                return new FeatureSwitches(false, true, false, true);
            }
            o.ReportUnknownFields();
            return new FeatureSwitches(
                o.Boolean("dnd", false),
                o.Boolean("callWaiting", true),
                o.Boolean("autoAnswer", false),
                o.Boolean("acceptOnlyFromProxy", true));
        }

        private static DisplaySettings ReadDisplay(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container("display", JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, "display", DisplayFields, errors);
            if (o == null)
            {
                return new DisplaySettings(200, true);
            }
            o.ReportUnknownFields();
            return new DisplaySettings(o.Integer("contrast", 0, 255, 200), o.Boolean("clock24h", true));
        }

        /// <summary>A string of letters, digits, '-' and '_', at most <see cref="MaxIdLength"/>; null (error added) otherwise.</summary>
        internal static string Identifier(ConfigObject o, string name, bool required)
        {
            string s = o.String(name, required, MaxIdLength);
            if (s == null)
            {
                return null;
            }
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    o.ErrorAt(name, "'" + ConfigObject.Printable(s) + "' may only contain letters, digits, '-' and '_'");
                    return null;
                }
            }
            return s;
        }

        /// <summary>A dial string of digits, '*', '#' and '+'; null (error added) otherwise.</summary>
        internal static string DialString(ConfigObject o, string name, bool required)
        {
            string s = o.String(name, required, MaxDialLength);
            if (s == null)
            {
                return null;
            }
            if (!IsDialString(s))
            {
                o.ErrorAt(name, "'" + ConfigObject.Printable(s) + "' is not a dial string (digits, '*', '#' and '+')");
                return null;
            }
            return s;
        }

        internal static bool IsDialString(string s)
        {
            if (s.Length == 0 || s.Length > MaxDialLength)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+'))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
