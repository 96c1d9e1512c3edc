// Header parameters (";name=value;flag"): ordered, case-insensitive names, values kept as written.
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// The ;parameters after a header value (RFC 3261 §7.3.1 generic-param). Order and spelling
    /// are kept so a value prints back as received; names match ASCII case-insensitively.
    /// Values are kept as written, quotes included (use <see cref="GetUnquoted"/>); a flag
    /// parameter (";lr") has the value "".
    /// </summary>
    public sealed class SipParameters
    {
        private string[] _names = SipText.NoStrings;
        private string[] _values = SipText.NoStrings;
        private int _count;

        /// <summary>How many parameters there are.</summary>
        public int Count { get { return _count; } }

        /// <summary>The name of parameter <paramref name="index"/> as written.</summary>
        public string Name(int index) { return _names[index]; }

        /// <summary>The value of parameter <paramref name="index"/> as written ("" for a flag).</summary>
        public string Value(int index) { return _values[index]; }

        /// <summary>The value of the first parameter called <paramref name="name"/>: "" for a flag, null when absent.</summary>
        public string Get(string name)
        {
            int i = IndexOf(name);
            return i < 0 ? null : _values[i];
        }

        /// <summary>Like <see cref="Get"/> but with a quoted value's quotes and quoted-pairs removed.</summary>
        public string GetUnquoted(string name)
        {
            return SipText.Unquote(Get(name));
        }

        /// <summary>True when a parameter called <paramref name="name"/> is present.</summary>
        public bool Has(string name) { return IndexOf(name) >= 0; }

        /// <summary>Where the first parameter called <paramref name="name"/> is, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (SipText.EqualsIgnoreCase(_names[i], name))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Sets the value of <paramref name="name"/> in place ("" for a flag), or appends it.</summary>
        public void Set(string name, string value)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                _values[i] = value == null ? "" : value;
                return;
            }
            Add(name, value);
        }

        /// <summary>Appends a parameter (a repeat of an existing name is allowed).</summary>
        public void Add(string name, string value)
        {
            if (_count == _names.Length)
            {
                int size = _count == 0 ? 4 : _count * 2;
                string[] names = new string[size];
                string[] values = new string[size];
                System.Array.Copy(_names, names, _count);
                System.Array.Copy(_values, values, _count);
                _names = names;
                _values = values;
            }
            _names[_count] = name;
            _values[_count] = value == null ? "" : value;
            _count++;
        }

        /// <summary>Removes every parameter called <paramref name="name"/>; returns how many went.</summary>
        public int Remove(string name)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!SipText.EqualsIgnoreCase(_names[i], name))
                {
                    _names[kept] = _names[i];
                    _values[kept] = _values[i];
                    kept++;
                }
            }
            int removed = _count - kept;
            _count = kept;
            return removed;
        }

        /// <summary>A copy that can be changed without touching this one.</summary>
        public SipParameters Clone()
        {
            SipParameters copy = new SipParameters();
            for (int i = 0; i < _count; i++)
            {
                copy.Add(_names[i], _values[i]);
            }
            return copy;
        }

        /// <summary>Appends ";name=value" for each parameter.</summary>
        public void AppendTo(StringBuilder sb)
        {
            for (int i = 0; i < _count; i++)
            {
                sb.Append(';').Append(_names[i]);
                if (_values[i].Length > 0)
                {
                    sb.Append('=').Append(_values[i]);
                }
            }
        }

        /// <summary>";name=value;flag", or "" when there are none.</summary>
        public override string ToString()
        {
            if (_count == 0)
            {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            AppendTo(sb);
            return sb.ToString();
        }

        private static readonly string[] CommonNames = new string[] { "tag", "branch", "rport", "received", "lr", "expires", "q", "transport", "maddr", "ttl", "id" };

        /// <summary>The shared spelling of a common parameter name when text[start..end) is exactly it (case-sensitive), else null.</summary>
        private static string KnownName(string text, int start, int end)
        {
            for (int i = 0; i < CommonNames.Length; i++)
            {
                string n = CommonNames[i];
                if (SipText.SameAt(n, text, start, end))
                {
                    return n;
                }
            }
            return null;
        }

        /// <summary>
        /// Reads "*( LWS ';' LWS name [ LWS '=' LWS value ] )" from <paramref name="text"/> at
        /// <paramref name="start"/> to the end. Values are quoted strings or runs of text up to ';', ',' or whitespace (tokens, hosts such as "[::1]").
        /// Returns null on an empty name, a missing value after '=', an unclosed quote or stray text.
        /// </summary>
        internal static SipParameters Parse(string text, int start)
        {
            SipParameters result = new SipParameters();
            int i = SipText.SkipWs(text, start);
            while (i < text.Length)
            {
                if (text[i] != ';')
                {
                    return null;
                }
                i = SipText.SkipWs(text, i + 1);
                int nameStart = i;
                while (i < text.Length && SipText.IsTokenChar(text[i]))
                {
                    i++;
                }
                if (i == nameStart)
                {
                    return null;
                }
                string name = SipText.Slice(text, nameStart, i, KnownName(text, nameStart, i));
                i = SipText.SkipWs(text, i);
                string value = "";
                if (i < text.Length && text[i] == '=')
                {
                    i = SipText.SkipWs(text, i + 1);
                    int valueStart = i;
                    if (i < text.Length && text[i] == '"')
                    {
                        i = SipText.SkipQuoted(text, i);
                        if (i < 0)
                        {
                            return null;
                        }
                    }
                    else
                    {
                        while (i < text.Length && text[i] != ';' && text[i] != ',' && text[i] != '"' && !SipText.IsWs(text[i]))
                        {
                            i++;
                        }
                    }
                    if (i == valueStart)
                    {
                        return null;
                    }
                    value = text.Substring(valueStart, i - valueStart);
                    i = SipText.SkipWs(text, i);
                }
                result.Add(name, value);
            }
            return result;
        }
    }
}
