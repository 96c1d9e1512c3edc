// The header table: received order, names as received, canonical names, values materialised on demand.
namespace DeskPhone.Firmware.Sip.Message
{
    public sealed partial class SipMessage
    {
        // Five ints per header: name start, name length, value start (-1: value is in _values),
        // value length, and (canonical id + 1) | Folded.
        private const int Stride = 5;
        private const int Folded = 0x10000;

        private int[] _info = EmptyInfo;
        private string[] _names;
        private string[] _values;
        private int _count;

        private static readonly int[] EmptyInfo = new int[0];

        /// <summary>How many header lines the message has.</summary>
        public int HeaderCount { get { return _count; } }

        /// <summary>The name of header <paramref name="index"/> as received ("v", "MaX-fOrWaRdS").</summary>
        public string HeaderName(int index)
        {
            CheckIndex(index);
            EnsureStrings();
            if (_names[index] == null)
            {
                int at = index * Stride;
                _names[index] = SipText.Decode(_raw, _info[at], _info[at + 1]);
            }
            return _names[index];
        }

        /// <summary>The canonical long name of header <paramref name="index"/> ("v" → "Via"); unknown names as received.</summary>
        public string HeaderCanonicalName(int index)
        {
            int id = IdAt(index);
            return id >= 0 ? SipHeaderNames.NameOf(id) : HeaderName(index);
        }

        /// <summary>
        /// The value of header <paramref name="index"/>: trimmed, with each folded line break
        /// (RFC 3261 §7.3.1) turned into one space; decoded as UTF-8.
        /// </summary>
        public string HeaderValue(int index)
        {
            CheckIndex(index);
            EnsureStrings();
            if (_values[index] == null)
            {
                int at = index * Stride;
                _values[index] = (_info[at + 4] & Folded) != 0
                    ? SipText.DecodeFolded(_raw, _info[at + 2], _info[at + 3])
                    : SipText.Decode(_raw, _info[at + 2], _info[at + 3]);
            }
            return _values[index];
        }

        /// <summary>The first header called <paramref name="name"/> (any case, long or compact form), or null.</summary>
        public string GetHeader(string name)
        {
            int i = IndexOfHeader(name, 0);
            return i < 0 ? null : HeaderValue(i);
        }

        /// <summary>Every header line called <paramref name="name"/>, in order (values not split at commas).</summary>
        public string[] GetHeaders(string name)
        {
            int id = SipHeaderNames.IdOf(name);
            int n = CountHeaders(name);
            if (n == 0)
            {
                return SipText.NoStrings;
            }
            string[] result = new string[n];
            int k = 0;
            for (int i = 0; i < _count; i++)
            {
                if (Matches(i, id, name))
                {
                    result[k++] = HeaderValue(i);
                }
            }
            return result;
        }

        /// <summary>
        /// Every value of a comma-list header (Via, Contact, Route, Require, Allow...) over all its
        /// lines, split at the commas outside quotes and angle brackets. Do not use it for headers
        /// whose values contain bare commas (WWW-Authenticate, Date, Retry-After comments).
        /// </summary>
        public string[] GetHeaderValues(string name)
        {
            string[] lines = GetHeaders(name);
            if (lines.Length == 0)
            {
                return lines; // the shared empty array
            }
            if (lines.Length == 1)
            {
                return SipText.SplitList(lines[0]);
            }
            System.Collections.ArrayList all = new System.Collections.ArrayList();
            for (int i = 0; i < lines.Length; i++)
            {
                string[] items = SipText.SplitList(lines[i]);
                for (int j = 0; j < items.Length; j++)
                {
                    all.Add(items[j]);
                }
            }
            return (string[])all.ToArray(typeof(string));
        }

        /// <summary>How many header lines are called <paramref name="name"/>.</summary>
        public int CountHeaders(string name)
        {
            int id = SipHeaderNames.IdOf(name);
            int n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (Matches(i, id, name))
                {
                    n++;
                }
            }
            return n;
        }

        /// <summary>True when a header called <paramref name="name"/> is present.</summary>
        public bool HasHeader(string name) { return IndexOfHeader(name, 0) >= 0; }

        /// <summary>The index of the first header called <paramref name="name"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOfHeader(string name, int from)
        {
            int id = SipHeaderNames.IdOf(name);
            for (int i = from < 0 ? 0 : from; i < _count; i++)
            {
                if (Matches(i, id, name))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Appends a header line. The name is kept as given ("v" stays "v").</summary>
        public void AddHeader(string name, string value)
        {
            InsertHeader(_count, name, value);
        }

        /// <summary>Inserts a header line at <paramref name="index"/> (0 = first, <see cref="HeaderCount"/> = last).</summary>
        public void InsertHeader(int index, string name, string value)
        {
            if (index < 0 || index > _count)
            {
                throw new System.ArgumentOutOfRangeException("index");
            }
            if (!SipText.IsToken(name))
            {
                throw new System.ArgumentException("a header name must be a token", "name");
            }
            EnsureCapacity(_count + 1);
            EnsureStrings();
            for (int i = _count; i > index; i--)
            {
                System.Array.Copy(_info, (i - 1) * Stride, _info, i * Stride, Stride);
                _names[i] = _names[i - 1];
                _values[i] = _values[i - 1];
            }
            int at = index * Stride;
            _info[at] = -1;
            _info[at + 1] = 0;
            _info[at + 2] = -1;
            _info[at + 3] = 0;
            _info[at + 4] = SipHeaderNames.IdOf(name) + 1;
            _names[index] = name;
            _values[index] = value == null ? "" : value;
            _count++;
            Changed();
        }

        /// <summary>Inserts a header line before the first one of the same name (a new top Via, Route...); appends when there is none.</summary>
        public void PrependHeader(string name, string value)
        {
            int i = IndexOfHeader(name, 0);
            InsertHeader(i < 0 ? _count : i, name, value);
        }

        /// <summary>Replaces the value of the first header called <paramref name="name"/> and removes the others; appends when there is none.</summary>
        public void SetHeader(string name, string value)
        {
            int i = IndexOfHeader(name, 0);
            if (i < 0)
            {
                AddHeader(name, value);
                return;
            }
            SetHeaderValue(i, value);
            int next;
            while ((next = IndexOfHeader(name, i + 1)) >= 0)
            {
                RemoveHeaderAt(next);
            }
        }

        /// <summary>Replaces the value of header <paramref name="index"/>, keeping its name and place.</summary>
        public void SetHeaderValue(int index, string value)
        {
            CheckIndex(index);
            EnsureStrings();
            int at = index * Stride;
            _info[at + 2] = -1;
            _info[at + 3] = 0;
            _info[at + 4] &= ~Folded;
            _values[index] = value == null ? "" : value;
            Changed();
        }

        /// <summary>Removes every header called <paramref name="name"/>; returns how many went.</summary>
        public int RemoveHeaders(string name)
        {
            int removed = 0;
            int i;
            while ((i = IndexOfHeader(name, 0)) >= 0)
            {
                RemoveHeaderAt(i);
                removed++;
            }
            return removed;
        }

        /// <summary>Removes header <paramref name="index"/>.</summary>
        public void RemoveHeaderAt(int index)
        {
            CheckIndex(index);
            EnsureStrings();
            for (int i = index; i < _count - 1; i++)
            {
                System.Array.Copy(_info, (i + 1) * Stride, _info, i * Stride, Stride);
                _names[i] = _names[i + 1];
                _values[i] = _values[i + 1];
            }
            _count--;
            _names[_count] = null;
            _values[_count] = null;
            Changed();
        }

        // ---- internals -----------------------------------------------------------------------

        /// <summary>Takes the header index of <paramref name="parsed"/> (a parse of this message's bytes), trimmed to size, with no strings or typed values.</summary>
        private void TakeHeaders(SipMessage parsed)
        {
            int[] info = new int[parsed._count * Stride];
            System.Array.Copy(parsed._info, info, info.Length);
            _info = info;
            _count = parsed._count;
            _names = null;
            _values = null;
            Changed();
        }

        /// <summary>The canonical id of header <paramref name="index"/>, or -1 for an unknown name.</summary>
        internal int IdAt(int index)
        {
            CheckIndex(index);
            return (_info[index * Stride + 4] & 0xFFFF) - 1;
        }

        /// <summary>The first header with canonical id <paramref name="id"/> at or after <paramref name="from"/>, or -1.</summary>
        internal int IndexOfId(int id, int from)
        {
            for (int i = from; i < _count; i++)
            {
                if ((_info[i * Stride + 4] & 0xFFFF) - 1 == id)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>True when header <paramref name="index"/>'s value still lives in the raw bytes (unchanged, not folded).</summary>
        internal bool RawValue(int index, out int start, out int length)
        {
            int at = index * Stride;
            start = _info[at + 2];
            length = _info[at + 3];
            return start >= 0 && (_info[at + 4] & Folded) == 0;
        }

        /// <summary>Where header <paramref name="index"/>'s value is in the raw bytes (folds included); false for a value set as a string.</summary>
        internal bool RawSpan(int index, out int start, out int length)
        {
            int at = index * Stride;
            start = _info[at + 2];
            length = _info[at + 3];
            return start >= 0;
        }

        /// <summary>True when header <paramref name="index"/>'s name still lives in the raw bytes.</summary>
        internal bool RawName(int index, out int start, out int length)
        {
            int at = index * Stride;
            start = _info[at];
            length = _info[at + 1];
            return start >= 0;
        }

        /// <summary>Adds a header found by the parser (no strings made).</summary>
        internal void AddRawHeader(int nameStart, int nameLength, int valueStart, int valueLength, int id, bool folded)
        {
            EnsureCapacity(_count + 1);
            int at = _count * Stride;
            _info[at] = nameStart;
            _info[at + 1] = nameLength;
            _info[at + 2] = valueStart;
            _info[at + 3] = valueLength;
            _info[at + 4] = (id + 1) | (folded ? Folded : 0);
            _count++;
        }

        private bool Matches(int i, int id, string name)
        {
            int have = (_info[i * Stride + 4] & 0xFFFF) - 1;
            if (id >= 0 || have >= 0)
            {
                return id == have;
            }
            if (_names != null && _names[i] != null)
            {
                return SipText.EqualsIgnoreCase(_names[i], name);
            }
            int at = i * Stride;
            if (_info[at + 1] != name.Length)
            {
                return false;
            }
            for (int k = 0; k < name.Length; k++)
            {
                if (SipText.Lower((char)_raw[_info[at] + k]) != SipText.Lower(name[k]))
                {
                    return false;
                }
            }
            return true;
        }

        private void EnsureCapacity(int headers)
        {
            if (headers * Stride <= _info.Length)
            {
                return;
            }
            int size = _info.Length == 0 ? 16 : _info.Length / Stride * 2;
            while (size < headers)
            {
                size *= 2;
            }
            int[] info = new int[size * Stride];
            System.Array.Copy(_info, info, _count * Stride);
            _info = info;
            if (_names != null)
            {
                string[] names = new string[size];
                string[] values = new string[size];
                System.Array.Copy(_names, names, _count);
                System.Array.Copy(_values, values, _count);
                _names = names;
                _values = values;
            }
        }

        private void EnsureStrings()
        {
            if (_names == null)
            {
                int size = _info.Length / Stride;
                _names = new string[size < 1 ? 1 : size];
                _values = new string[size < 1 ? 1 : size];
            }
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new System.ArgumentOutOfRangeException("index");
            }
        }
    }
}
