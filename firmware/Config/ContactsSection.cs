// Reads the top-level "contacts": which file in the phone's storage is the directory, and where to look numbers up.
using DeskPhone.Firmware.Contacts;
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"contacts": {"file": "contacts.json", "lookupUrl": "http://10.0.0.5:8000/lookup?number={number}"}</c>
    /// (optional; both fields optional). Left out, the phone reads "contacts.json" from its storage when
    /// there is one and looks nothing up. The file's format: firmware/Contacts/README.md.
    /// </summary>
    internal static class ContactsSection
    {
        /// <summary>The top-level field.</summary>
        public const string Field = "contacts";

        /// <summary>The directory's file name in storage when the device file names none.</summary>
        public const string DefaultFile = "contacts.json";

        private static readonly string[] Fields = { "file", "lookupUrl" };

        /// <summary>Reads the section into <paramref name="file"/> and <paramref name="lookup"/> (defaults when absent; errors added).</summary>
        public static void Read(ConfigObject top, ConfigErrors errors, out string file, out LookupUrl lookup)
        {
            file = DefaultFile;
            lookup = null;
            JsonValue v = top.Container(Field, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, Field, Fields, errors);
            if (o == null) return;
            o.ReportUnknownFields();
            string name = o.String("file", false, 64);
            if (name != null)
            {
                if (name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0 || name.IndexOf("..") >= 0)
                    o.ErrorAt("file", "'" + ConfigObject.Printable(name) + "' must be a plain file name in the phone's storage (no folders)");
                else file = name;
            }
            string url = o.String("lookupUrl", false, 512);
            if (url == null) return;
            string problem;
            lookup = LookupUrl.TryParse(url, out problem);
            if (lookup == null) o.ErrorAt("lookupUrl", "'" + ConfigObject.Printable(url) + "' " + problem);
        }
    }
}
