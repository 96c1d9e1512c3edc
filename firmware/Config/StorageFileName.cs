// What a device file may name as a file in the phone's storage (a greeting, a certificate...).
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// A storage file name: letters, digits, '.', '-', '_' and '/' between folders; no leading or trailing
    /// '/', no "..". One rule for every field that names a stored file.
    /// </summary>
    internal static class StorageFileName
    {
        /// <summary>True when <paramref name="name"/> is a storage file name.</summary>
        public static bool IsValid(string name)
        {
            if (name == null || name.IndexOf("..") >= 0) return false;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '/';
                if (!ok || (c == '/' && (i == 0 || i == name.Length - 1))) return false;
            }
            return true;
        }

        /// <summary>True when <paramref name="name"/> is longer than <paramref name="extension"/> (".wav") and ends with it, ASCII case ignored.</summary>
        public static bool HasExtension(string name, string extension)
        {
            return name.Length > extension.Length && name.Substring(name.Length - extension.Length).ToLower() == extension;
        }
    }
}
