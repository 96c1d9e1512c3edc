// Reads and checks the "keys" array of a device file.
using System.Collections;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>Turns "keys" into <see cref="KeyConfig"/>s, reporting every problem.</summary>
    internal static class KeysSection
    {
        private static readonly string[] Fields = { "kind", "label", "target", "account", "page", "feature", RingSection.Field, DelegationSection.Field };

        /// <summary>The "kind" names, in <see cref="KeyKind"/> order.</summary>
        private static readonly string[] KindNames = { "line", "shared", "blf", "park", "speeddial", "feature" };

        private static readonly KeyConfig[] NoKeys = new KeyConfig[0];

        /// <summary>
        /// The keys (empty when "keys" is left out), or null when any key is broken.
        /// <paramref name="declared"/> is the account-id table from <see cref="AccountsSection"/>;
        /// <paramref name="firstAccount"/> the account keys use when they name none (null if accounts are broken).
        /// </summary>
        public static KeyConfig[] Read(ConfigObject top, Hashtable declared, AccountConfig firstAccount, ConfigErrors errors)
        {
            if (!top.Has("keys"))
            {
                return NoKeys;
            }
            JsonValue list = top.Container("keys", JsonKind.Array, false);
            if (list == null)
            {
                return null;
            }
            KeyConfig[] keys = new KeyConfig[list.Count];
            bool allGood = true;
            int lineKeys = 0;
            for (int i = 0; i < list.Count; i++)
            {
                ConfigObject o = ConfigObject.Open(list[i], "keys[" + i.ToString() + "]", Fields, errors);
                KeyConfig key = null;
                if (o != null)
                {
                    key = ReadOne(o, declared, firstAccount, ref lineKeys, errors);
                }
                if (key != null)
                {
                    key.Index = i;
                    key.Line = list[i].Line;
                    key.Column = list[i].Column;
                }
                keys[i] = key;
                allGood = allGood && key != null;
            }
            return allGood ? keys : null;
        }

        private static KeyConfig ReadOne(ConfigObject o, Hashtable declared, AccountConfig firstAccount, ref int lineKeys, ConfigErrors errors)
        {
            o.ReportUnknownFields();
            int kindIndex = o.Choice("kind", KindNames, "a key kind", true);
            string label = o.String("label", false, KeyConfig.MaxLabelLength);
            int page = o.Integer("page", 1, int.MaxValue, 1);
            if (kindIndex < 0)
            {
                return null; // without a kind the other fields cannot be judged
            }
            KeyKind kind = (KeyKind)kindIndex;
            string kindName = KindNames[kindIndex];

            // Which of target / account / feature this kind takes: 0 = not allowed, 1 = optional, 2 = required.
            int wantsTarget = kind == KeyKind.Line || kind == KeyKind.Feature ? 0 : 2;
            int wantsAccount = kind == KeyKind.Line ? 2 : (kind == KeyKind.Feature ? 0 : 1);
            int wantsFeature = kind == KeyKind.Feature ? 2 : 0;
            NotForKind(o, "target", wantsTarget, kindName);
            NotForKind(o, "account", wantsAccount, kindName);
            NotForKind(o, "feature", wantsFeature, kindName);
            NotForKind(o, RingSection.Field, kind == KeyKind.Line || kind == KeyKind.Shared ? 1 : 0, kindName);
            RingSettings ring = kind == KeyKind.Line || kind == KeyKind.Shared ? RingSection.Read(o, errors) : null;
            NotForKind(o, DelegationSection.Field, kind == KeyKind.Shared ? 1 : 0, kindName);
            KeyDelegation delegation = kind == KeyKind.Shared ? DelegationSection.ReadKey(o, errors) : null; // DelegationSection.cs

            string target = null;
            SipUri targetUri = null;
            if (wantsTarget != 0)
            {
                target = ReadTarget(o, kind, out targetUri);
            }
            AccountConfig account = null;
            if (wantsAccount != 0)
            {
                account = ReadAccount(o, declared, firstAccount, wantsAccount == 2);
            }
            string feature = null;
            int featureIndex = -1;
            if (wantsFeature != 0)
            {
                featureIndex = o.Choice("feature", KeyFeatures.All, "a feature", true);
                feature = featureIndex < 0 ? null : KeyFeatures.All[featureIndex];
            }
            if (o.ErrorCount > 0)
            {
                return null;
            }
            if (kind == KeyKind.Line)
            {
                lineKeys++;
            }
            KeyConfig key = new KeyConfig();
            key.Kind = kind;
            key.Target = target;
            key.TargetUri = targetUri;
            key.Account = account;
            key.Feature = feature;
            key.Ring = ring;
            key.Delegation = delegation;
            key.Page = page;
            key.Label = label != null ? label : DefaultLabel(kind, targetUri, target, featureIndex, lineKeys);
            return key;
        }

        private static void NotForKind(ConfigObject o, string field, int wanted, string kindName)
        {
            if (wanted == 0 && o.Has(field))
            {
                o.ErrorAt(field, "'" + field + "' does not apply to a " + kindName + " key");
            }
        }

        private static string ReadTarget(ConfigObject o, KeyKind kind, out SipUri uri)
        {
            uri = null;
            string text = o.String("target", true, 512);
            if (text == null)
            {
                return null;
            }
            if (kind == KeyKind.SpeedDial && DeviceConfigLoader.IsDialString(text))
            {
                return text;
            }
            string reason;
            string problem;
            if (SipUri.TryParse(text, out uri, out reason, out problem))
            {
                return text;
            }
            bool looksLikeUri = text.IndexOf(':') >= 0 || text.IndexOf('@') >= 0;
            string shown = "'" + ConfigObject.Printable(text) + "'";
            if (kind == KeyKind.SpeedDial && !looksLikeUri)
            {
                o.ErrorAt("target", shown + " is neither a SIP URI nor a dial string (digits, '*', '#' and '+')");
            }
            else
            {
                o.ErrorAt("target", shown + " is not a SIP URI (" + problem + ")");
            }
            return null;
        }

        private static AccountConfig ReadAccount(ConfigObject o, Hashtable declared, AccountConfig firstAccount, bool required)
        {
            JsonValue v = o.Get("account");
            if (v == null)
            {
                if (required)
                {
                    o.Missing("account");
                }
                return firstAccount;
            }
            string id = o.String("account", required, DeviceConfigLoader.MaxIdLength);
            if (id == null)
            {
                return null;
            }
            object found = declared[id];
            if (found == null)
            {
                string[] ids = new string[declared.Count];
                declared.Keys.CopyTo(ids, 0);
                o.ErrorAt("account", "there is no account with id '" + ConfigObject.Printable(id) + "'" + Spelling.Hint(id, ids));
                return null;
            }
            return found as AccountConfig; // null when that account is broken; its own errors say why
        }

        private static string DefaultLabel(KeyKind kind, SipUri uri, string target, int featureIndex, int lineNumber)
        {
            string label;
            if (kind == KeyKind.Line)
            {
                label = "Line " + lineNumber.ToString();
            }
            else if (kind == KeyKind.Feature)
            {
                label = KeyFeatures.Labels[featureIndex];
            }
            else if (uri != null)
            {
                label = uri.User == null ? uri.Host : SipUri.Unescape(uri.User);
                if (ConfigObject.Printable(label) != label)
                {
                    label = uri.User; // escapes that decode to control or non-ASCII bytes stay as written
                }
            }
            else
            {
                label = target;
            }
            return label.Length <= KeyConfig.MaxLabelLength ? label : label.Substring(0, KeyConfig.MaxLabelLength);
        }
    }
}
