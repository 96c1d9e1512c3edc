// Reads the "api" and "webhooks" sections of a device file (the CRM integration).
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"api": {"enabled": false, "port": 8088, "token": "...", "allow": ["127.0.0.1", "10.0.0.0/8"],
    /// "tls": {"certificate": "api-cert.pem", "key": "api-key.pem"}}</c> and
    /// <c>"webhooks": {"url": "http://10.0.0.5:8000/phone-events", "token": "...", "queueLimit": 1000}</c>.
    /// Every problem is a located error naming the field.
    /// </summary>
    internal static class CrmSections
    {
        /// <summary>The top-level field of the control API.</summary>
        public const string ApiField = "api";
        /// <summary>The top-level field of the webhooks.</summary>
        public const string WebhooksField = "webhooks";

        /// <summary>Shortest token accepted (a guessable token opens the phone to anyone on the allow-list).</summary>
        public const int MinTokenLength = 16;
        /// <summary>Longest token.</summary>
        public const int MaxTokenLength = 256;
        /// <summary>Most allow-list entries.</summary>
        public const int MaxAllowEntries = 32;
        /// <summary>Largest queue bound.</summary>
        public const int MaxQueueLimit = 10000;

        private static readonly string[] ApiFields = { "enabled", "port", "token", "allow", "tls" };
        private static readonly string[] WebhookFields = { "url", "token", "queueLimit" };

        /// <summary>The API settings (<see cref="ApiSettings.Off"/> when absent or broken; errors added).</summary>
        public static ApiSettings ReadApi(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container(ApiField, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, ApiField, ApiFields, errors);
            if (o == null) return ApiSettings.Off;
            o.ReportUnknownFields();
            bool enabled = o.Boolean("enabled", false);
            int port = o.Integer("port", 0, 65535, ApiSettings.DefaultPort);
            string token = Token(o, enabled);
            AddressAllowList allow = Allow(o);
            string certificate;
            string key;
            int before = errors.Count;
            ApiTlsSection.Read(o, errors, out certificate, out key); // ApiTlsSection.cs: HTTPS only when set
            if (o.ErrorCount > 0 || errors.Count > before || !enabled) return ApiSettings.Off;
            return new ApiSettings(true, port, token, allow, certificate, key);
        }

        private static string Token(ConfigObject o, bool required)
        {
            string token = o.String("token", required, MaxTokenLength);
            if (token == null) return null;
            if (token.Length < MinTokenLength)
            {
                o.ErrorAt("token", "is " + token.Length.ToString() + " characters long; at least " + MinTokenLength.ToString() + " are needed (a random one: openssl rand -hex 16)");
                return null;
            }
            for (int i = 0; i < token.Length; i++)
            {
                if (token[i] <= ' ' || token[i] > '~') { o.ErrorAt("token", "must be printable ASCII without spaces"); return null; }
            }
            return token;
        }

        private static AddressAllowList Allow(ConfigObject o)
        {
            AddressAllowList list;
            int bad;
            string reason;
            JsonValue v = o.Container("allow", JsonKind.Array, false);
            if (v == null)
            {
                AddressAllowList.TryCreate(new string[] { "127.0.0.1" }, out list, out bad, out reason);
                return list;
            }
            if (v.Count == 0) { o.ErrorAt("allow", "is empty: nobody could use the API; list addresses like \"10.0.0.5\" or blocks like \"10.0.0.0/8\""); return null; }
            if (v.Count > MaxAllowEntries) { o.ErrorAt("allow", "has " + v.Count.ToString() + " entries; at most " + MaxAllowEntries.ToString() + " are allowed"); return null; }
            string[] entries = new string[v.Count];
            for (int i = 0; i < v.Count; i++)
            {
                JsonValue e = v[i];
                if (e.Kind != JsonKind.String) { o.ErrorAt("allow", "entry " + (i + 1).ToString() + ": expected a string, found " + e.Describe()); return null; }
                entries[i] = e.StringValue;
            }
            if (!AddressAllowList.TryCreate(entries, out list, out bad, out reason))
            {
                o.ErrorAt("allow", "entry " + (bad + 1).ToString() + " '" + ConfigObject.Printable(entries[bad]) + "' " + (reason.StartsWith("'") ? "is not an IPv4 address or block like 10.0.0.0/8" : reason));
                return null;
            }
            return list;
        }

        /// <summary>The webhook settings, or null when absent or broken (errors added).</summary>
        public static WebhookSettings ReadWebhooks(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container(WebhooksField, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, WebhooksField, WebhookFields, errors);
            if (o == null) return null;
            o.ReportUnknownFields();
            string url = o.String("url", true, 512);
            if (url != null)
            {
                HttpUrl parsed;
                string reason;
                if (!HttpUrl.TryParse(url, out parsed, out reason))
                {
                    o.ErrorAt("url", "'" + ConfigObject.Printable(url) + "' " + reason);
                    url = null;
                }
            }
            string token = o.String("token", false, MaxTokenLength);
            if (token != null)
            {
                for (int i = 0; i < token.Length; i++)
                {
                    if (token[i] <= ' ' || token[i] > '~') { o.ErrorAt("token", "must be printable ASCII without spaces"); break; }
                }
            }
            int limit = o.Integer("queueLimit", 1, MaxQueueLimit, WebhookSettings.DefaultQueueLimit);
            if (o.ErrorCount > 0 || url == null) return null;
            return new WebhookSettings(url, token, limit);
        }
    }
}
