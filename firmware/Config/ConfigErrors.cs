// Every problem found in one device file.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// The problems found in one device file, in file order (line, then column). A hostile file
    /// cannot flood memory: after <see cref="MaxErrors"/> the list ends with a note and stops growing.
    /// </summary>
    public sealed class ConfigErrors
    {
        /// <summary>Most errors kept for one file.</summary>
        public const int MaxErrors = 100;

        private readonly ArrayList _errors = new ArrayList();
        private bool _truncated;

        internal ConfigErrors(string fileName)
        {
            FileName = fileName == null ? "" : fileName;
        }

        /// <summary>The file the errors are about.</summary>
        public string FileName { get; private set; }

        /// <summary>How many errors there are.</summary>
        public int Count { get { return _errors.Count; } }

        /// <summary>True when some errors were dropped because there were more than <see cref="MaxErrors"/>.</summary>
        public bool Truncated { get { return _truncated; } }

        /// <summary>The error at <paramref name="index"/>.</summary>
        public ConfigError this[int index] { get { return (ConfigError)_errors[index]; } }

        /// <summary>One error per line, as "file:line:column: path: message".</summary>
        public override string ToString()
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < _errors.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append('\n');
                }
                sb.Append(_errors[i].ToString());
            }
            if (_truncated)
            {
                sb.Append("\n").Append(FileName).Append(": more than ").Append(MaxErrors.ToString()).Append(" errors; the rest are not shown");
            }
            return sb.ToString();
        }

        internal void Add(int line, int column, string path, string message)
        {
            if (_errors.Count >= MaxErrors)
            {
                _truncated = true;
                return;
            }
            _errors.Add(new ConfigError(FileName, line, column, path, message));
        }

        /// <summary>Stable insertion sort by line then column, so errors read top to bottom.</summary>
        internal void SortByPosition()
        {
            for (int i = 1; i < _errors.Count; i++)
            {
                ConfigError e = (ConfigError)_errors[i];
                int j = i - 1;
                while (j >= 0 && After((ConfigError)_errors[j], e))
                {
                    _errors[j + 1] = _errors[j];
                    j--;
                }
                _errors[j + 1] = e;
            }
        }

        private static bool After(ConfigError a, ConfigError b)
        {
            return a.Line > b.Line || (a.Line == b.Line && a.Column > b.Column);
        }
    }
}
