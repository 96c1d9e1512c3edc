// The calls the phone keeps besides the one in front (held ones), each on its line key.
using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// A short list of calls with the line key (1-based, on the shown page) each one sits on. The
    /// phone keeps its call in front in its own field; this holds the others, oldest first.
    /// Arrays, no generics: a desk phone has a handful of appearances.
    /// </summary>
    internal sealed class CallAppearances
    {
        private SipCall[] _calls = new SipCall[4];
        private int[] _lines = new int[4];
        private long[] _since = new long[4];
        private int _count;

        /// <summary>How many calls are kept.</summary>
        public int Count { get { return _count; } }

        /// <summary>The call at <paramref name="index"/> (0 = oldest).</summary>
        public SipCall CallAt(int index) { return _calls[index]; }

        /// <summary>The line key of the call at <paramref name="index"/>.</summary>
        public int LineAt(int index) { return _lines[index]; }

        /// <summary>When the call at <paramref name="index"/> connected (the phone's clock, ms).</summary>
        public long SinceAt(int index) { return _since[index]; }

        /// <summary>
        /// Keeps <paramref name="call"/> on line key <paramref name="line"/>, connected since
        /// <paramref name="since"/> (again: moves it to the end).
        /// </summary>
        public void Add(SipCall call, int line, long since)
        {
            Remove(call);
            if (_count == _calls.Length)
            {
                SipCall[] calls = new SipCall[_count * 2];
                int[] lines = new int[_count * 2];
                long[] since2 = new long[_count * 2];
                for (int i = 0; i < _count; i++) { calls[i] = _calls[i]; lines[i] = _lines[i]; since2[i] = _since[i]; }
                _calls = calls;
                _lines = lines;
                _since = since2;
            }
            _calls[_count] = call;
            _lines[_count] = line;
            _since[_count] = since;
            _count++;
        }

        /// <summary>Forgets <paramref name="call"/>; false when it was not kept.</summary>
        public bool Remove(SipCall call)
        {
            int i = IndexOf(call);
            if (i < 0) return false;
            for (int j = i + 1; j < _count; j++) { _calls[j - 1] = _calls[j]; _lines[j - 1] = _lines[j]; _since[j - 1] = _since[j]; }
            _count--;
            _calls[_count] = null;
            return true;
        }

        /// <summary>True when <paramref name="call"/> is kept.</summary>
        public bool Contains(SipCall call) { return IndexOf(call) >= 0; }

        /// <summary>The line key of <paramref name="call"/>, or 0.</summary>
        public int LineOf(SipCall call)
        {
            int i = IndexOf(call);
            return i < 0 ? 0 : _lines[i];
        }

        /// <summary>The newest call on line key <paramref name="line"/>, or null.</summary>
        public SipCall OnLine(int line)
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                if (_lines[i] == line) return _calls[i];
            }
            return null;
        }

        private int IndexOf(SipCall call)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_calls[i] == call) return i;
            }
            return -1;
        }
    }
}
