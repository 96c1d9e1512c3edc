// The header fields of one HTTP message, in order, looked up without regard to case.
using System.Collections;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// Header fields as received or to be sent. Names keep their spelling; <see cref="Get"/> compares
    /// them case-blind (RFC 9110 §5.1). Repeated fields stay separate.
    /// </summary>
    public sealed class HttpHeaders
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        /// <summary>How many fields there are.</summary>
        public int Count { get { return _names.Count; } }

        /// <summary>The name of field <paramref name="index"/>.</summary>
        public string NameAt(int index) { return (string)_names[index]; }

        /// <summary>The value of field <paramref name="index"/>.</summary>
        public string ValueAt(int index) { return (string)_values[index]; }

        /// <summary>Adds a field.</summary>
        public void Add(string name, string value)
        {
            _names.Add(name);
            _values.Add(value);
        }

        /// <summary>The first value of <paramref name="name"/>, or null.</summary>
        public string Get(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if (SameName((string)_names[i], name)) return (string)_values[i];
            }
            return null;
        }

        /// <summary>How many fields are named <paramref name="name"/>.</summary>
        public int CountOf(string name)
        {
            int n = 0;
            for (int i = 0; i < _names.Count; i++)
            {
                if (SameName((string)_names[i], name)) n++;
            }
            return n;
        }

        /// <summary>True when <paramref name="name"/>'s value lists <paramref name="token"/> (comma-separated, case-blind): "Connection: keep-alive, close".</summary>
        public bool HasToken(string name, string token)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if (!SameName((string)_names[i], name)) continue;
                string v = (string)_values[i];
                int start = 0;
                while (start <= v.Length)
                {
                    int comma = v.IndexOf(',', start);
                    int end = comma < 0 ? v.Length : comma;
                    if (SameName(v.Substring(start, end - start).Trim(), token)) return true;
                    if (comma < 0) break;
                    start = comma + 1;
                }
            }
            return false;
        }

        /// <summary>ASCII case-blind equality (header names and tokens are ASCII).</summary>
        public static bool SameName(string a, string b)
        {
            if (a == null || b == null || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (Lower(a[i]) != Lower(b[i])) return false;
            }
            return true;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}
