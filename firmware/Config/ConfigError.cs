// One problem in a device file, with where it is.
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// A problem in a device file: file name, 1-based line and column, the field path
    /// ("keys[3].target", empty for the whole file) and a sentence for the installer.
    /// </summary>
    public sealed class ConfigError
    {
        internal ConfigError(string fileName, int line, int column, string path, string message)
        {
            FileName = fileName;
            Line = line;
            Column = column;
            Path = path == null ? "" : path;
            Message = message;
        }

        /// <summary>The file's name as given to the loader.</summary>
        public string FileName { get; private set; }

        /// <summary>1-based line.</summary>
        public int Line { get; private set; }

        /// <summary>1-based column.</summary>
        public int Column { get; private set; }

        /// <summary>The field: "device.id", "accounts[0].expires", "keys[3].target"; "" for the whole file.</summary>
        public string Path { get; private set; }

        /// <summary>What is wrong: "'sip:bob@' is not a SIP URI (no host)".</summary>
        public string Message { get; private set; }

        /// <summary>"front-desk.json:14:17: keys[3].target: 'sip:bob@' is not a SIP URI (no host)".</summary>
        public override string ToString()
        {
            string where = FileName + ":" + Line.ToString() + ":" + Column.ToString() + ": ";
            return Path.Length == 0 ? where + Message : where + Path + ": " + Message;
        }
    }
}
