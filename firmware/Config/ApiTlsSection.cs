// Reads "api.tls": the PEM certificate and key in the phone's storage that make the control API HTTPS-only.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"tls": {"certificate": "api-cert.pem", "key": "api-key.pem"}</c> inside "api": two storage file
    /// names, both required, different, ending ".pem". Their content is checked when the API starts (the
    /// file only names them). Every problem is a located error naming the field.
    /// </summary>
    internal static class ApiTlsSection
    {
        /// <summary>The field inside "api".</summary>
        public const string Field = "tls";

        /// <summary>Longest storage name accepted.</summary>
        public const int MaxName = 64;

        private static readonly string[] Fields = { "certificate", "key" };

        /// <summary>Reads api.tls; false when it is absent (plain HTTP) or broken (errors added); then both names are null.</summary>
        public static bool Read(ConfigObject api, ConfigErrors errors, out string certificate, out string key)
        {
            certificate = null;
            key = null;
            JsonValue v = api.Container(Field, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, api.FieldPath(Field), Fields, errors);
            if (o == null) return false;
            o.ReportUnknownFields();
            string c = Name(o, "certificate");
            string k = Name(o, "key");
            if (c != null && k != null && c == k) { o.ErrorAt("key", "'" + ConfigObject.Printable(k) + "' is the certificate's file too; the key is its own file (PEM \"PRIVATE KEY\")"); return false; }
            if (c == null || k == null || o.ErrorCount > 0) return false;
            certificate = c;
            key = k;
            return true;
        }

        private static string Name(ConfigObject o, string field)
        {
            string name = o.String(field, true, MaxName);
            if (name == null) return null;
            if (!StorageFileName.IsValid(name))
            {
                o.ErrorAt(field, "'" + ConfigObject.Printable(name) + "' is not a storage file name (letters, digits, '.', '-', '_' and '/' inside, like \"api-cert.pem\")");
                return null;
            }
            if (!StorageFileName.HasExtension(name, ".pem"))
            {
                o.ErrorAt(field, "'" + ConfigObject.Printable(name) + "' must name a .pem file (PEM text: openssl writes it)");
                return null;
            }
            return name;
        }
    }
}
