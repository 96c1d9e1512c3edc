// Reads and checks the "accounts" array of a device file.
using System.Collections;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>Turns "accounts" into <see cref="AccountConfig"/>s, reporting every problem.</summary>
    internal static class AccountsSection
    {
        private static readonly string[] Fields =
        {
            "id", "user", "displayName", "domain", "authUser", "password",
            "registrar", "outboundProxy", "backupProxy", "transport", "expires",
            "mailbox", RingSection.Field // call history, MWI and ring issue: RingSettings.cs
        };

        private static readonly string[] Transports = { "udp", "tcp", "tls" };

        /// <summary>Longest password.</summary>
        public const int MaxPasswordLength = 128;

        /// <summary>Stands in <c>declared</c> for an account that is written but broken.</summary>
        internal static readonly object Broken = new object();

        /// <summary>
        /// The accounts, or null when "accounts" is missing, empty or any account is broken.
        /// <paramref name="declared"/> maps every id written in the file to its account, or to
        /// <see cref="Broken"/>, so keys naming a broken account are not reported a second time.
        /// </summary>
        public static AccountConfig[] Read(ConfigObject top, string deviceName, ConfigErrors errors, out Hashtable declared)
        {
            declared = new Hashtable();
            JsonValue list = top.Container("accounts", JsonKind.Array, true);
            if (list == null)
            {
                return null;
            }
            if (list.Count == 0)
            {
                errors.Add(list.Line, list.Column, "accounts", "at least one account is required");
                return null;
            }
            AccountConfig[] accounts = new AccountConfig[list.Count];
            Hashtable firstIndex = new Hashtable();
            bool allGood = true;
            for (int i = 0; i < list.Count; i++)
            {
                ConfigObject o = ConfigObject.Open(list[i], "accounts[" + i.ToString() + "]", Fields, errors);
                if (o == null)
                {
                    allGood = false;
                    continue;
                }
                AccountConfig a = ReadOne(o, i, deviceName, errors);
                JsonValue idValue = o.Get("id");
                string rawId = idValue == null ? null : idValue.StringValue;
                if (rawId != null)
                {
                    object first = firstIndex[rawId];
                    if (first != null)
                    {
                        o.ErrorAt("id", "account id '" + ConfigObject.Printable(rawId) + "' is already used by accounts[" + ((int)first).ToString() + "]");
                        a = null;
                    }
                    else
                    {
                        firstIndex[rawId] = i;
                        declared[rawId] = a == null ? Broken : (object)a;
                    }
                }
                accounts[i] = a;
                allGood = allGood && a != null;
            }
            return allGood ? accounts : null;
        }

        private static AccountConfig ReadOne(ConfigObject o, int index, string deviceName, ConfigErrors errors)
        {
            o.ReportUnknownFields();
            string id = DeviceConfigLoader.Identifier(o, "id", true);
            string user = o.String("user", true, DeviceConfigLoader.MaxNameLength);
            if (user != null && !SipUri.IsValidUser(user))
            {
                o.ErrorAt("user", "'" + ConfigObject.Printable(user) + "' cannot be the user part of a SIP URI (escape special characters as %XX)");
                user = null;
            }
            string displayName = o.String("displayName", false, DeviceConfigLoader.MaxNameLength);
            string domain = o.String("domain", true, 253);
            if (domain != null && !SipUri.IsValidHost(domain))
            {
                o.ErrorAt("domain", "'" + ConfigObject.Printable(domain) + "' is not a host name or IP address");
                domain = null;
            }
            string authUser = o.String("authUser", false, DeviceConfigLoader.MaxNameLength);
            string password = o.String("password", false, MaxPasswordLength);
            SipUri registrar = Uri(o, "registrar", true);
            if (registrar != null && registrar.User != null)
            {
                o.ErrorAt("registrar", "'" + ConfigObject.Printable(registrar.ToString()) + "' has a user part; a registrar is written sip:host[:port]");
                registrar = null;
            }
            SipUri outboundProxy = Uri(o, "outboundProxy", false);
            SipUri backupProxy = Uri(o, "backupProxy", false);
            int transport = o.Choice("transport", Transports, "a transport", false);
            int expires = o.Integer("expires", AccountConfig.MinExpires, AccountConfig.MaxExpires, AccountConfig.DefaultExpires);
            SipUri mailbox = Uri(o, "mailbox", false);
            RingSettings ring = RingSection.Read(o, errors);

            AccountTransport t = transport < 0 ? AccountTransport.Udp : (AccountTransport)transport;
            if (registrar != null && registrar.IsSecure && transport >= 0 && t != AccountTransport.Tls)
            {
                o.ErrorAt("transport", "a sips: registrar needs transport 'tls'");
            }
            if (o.ErrorCount > 0 || id == null || user == null || domain == null || registrar == null)
            {
                return null;
            }
            AccountConfig a = new AccountConfig();
            a.Index = index;
            a.Id = id;
            a.User = user;
            a.DisplayName = displayName == null ? (deviceName == null ? user : deviceName) : displayName;
            a.Domain = domain;
            a.AuthUser = authUser == null ? user : authUser;
            a.Password = password == null ? "" : password;
            a.Registrar = registrar;
            a.OutboundProxy = outboundProxy;
            a.BackupProxy = backupProxy;
            a.Transport = registrar.IsSecure && transport < 0 ? AccountTransport.Tls : t;
            a.Expires = expires;
            a.Mailbox = mailbox;
            a.Ring = ring;
            return a;
        }

        private static SipUri Uri(ConfigObject o, string name, bool required)
        {
            string text = o.String(name, required, 512);
            if (text == null)
            {
                return null;
            }
            SipUri uri;
            string reason;
            string problem;
            if (!SipUri.TryParse(text, out uri, out reason, out problem))
            {
                o.ErrorAt(name, "'" + ConfigObject.Printable(text) + "' is not a SIP URI (" + problem + ")");
                return null;
            }
            return uri;
        }
    }
}
