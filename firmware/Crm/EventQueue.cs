// The webhook events waiting for the CRM, one file each in storage, so a reboot or an outage loses none.
using System.Collections;
using System.Text;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Crm
{
    /// <summary>
    /// A bounded first-in first-out queue on <see cref="IStorage"/>: each event is its own file
    /// ("webhooks/e0000000042.json", written atomically), and "webhooks/state" keeps the next sequence
    /// number and the count of events dropped, so ids are never reused across reboots. At the bound the
    /// OLDEST event is dropped, counted and logged; below it nothing is ever dropped.
    /// Lives on the event loop.
    /// </summary>
    public sealed class EventQueue
    {
        /// <summary>The folder of the queue in storage.</summary>
        public const string Folder = "webhooks/";
        private const string StateFile = Folder + "state";
        private const string EventPrefix = Folder + "e";

        private readonly IStorage _storage;
        private readonly ILog _log;
        private readonly int _limit;
        private readonly ArrayList _sequences = new ArrayList(); // longs, oldest first
        private long _next = 1;
        private long _dropped;

        /// <summary>Opens the queue in <paramref name="storage"/> (events from before a reboot are found again).</summary>
        public EventQueue(IStorage storage, ILog log, int limit)
        {
            _storage = storage;
            _log = log;
            _limit = limit < 1 ? 1 : limit;
            Load();
        }

        /// <summary>Events waiting.</summary>
        public int Count { get { return _sequences.Count; } }

        /// <summary>Events dropped because the queue was full (kept across reboots).</summary>
        public long Dropped { get { return _dropped; } }

        /// <summary>The sequence number the next event gets.</summary>
        public long NextSequence { get { return _next; } }

        /// <summary>The oldest event's sequence number, or 0 when empty.</summary>
        public long HeadSequence { get { return _sequences.Count == 0 ? 0 : (long)_sequences[0]; } }

        /// <summary>
        /// Takes the next sequence number and persists the counter first, so a number handed out is
        /// never handed out again, even after a power cut.
        /// </summary>
        public long Reserve()
        {
            long seq = _next;
            _next++;
            SaveState();
            return seq;
        }

        /// <summary>Stores event <paramref name="sequence"/> (its JSON); drops the oldest first when full. False when storage failed (logged).</summary>
        public bool Add(long sequence, string json)
        {
            while (_sequences.Count >= _limit)
            {
                long oldest = (long)_sequences[0];
                _sequences.RemoveAt(0);
                _storage.Delete(NameOf(oldest));
                _dropped++;
                SaveState();
                _log.Write(LogLevel.Warning, "webhooks", "queue full (" + _limit.ToString() + "): dropped the oldest event, #" + oldest.ToString() + "; " + _dropped.ToString() + " dropped so far");
            }
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            if (!_storage.WriteAtomic(NameOf(sequence), bytes, 0, bytes.Length))
            {
                _log.Write(LogLevel.Error, "webhooks", "cannot store event #" + sequence.ToString() + " (storage full?): it is lost");
                return false;
            }
            _sequences.Add(sequence);
            return true;
        }

        /// <summary>The oldest event's JSON, or null when empty. An unreadable file is logged and skipped.</summary>
        public string Head()
        {
            while (_sequences.Count > 0)
            {
                long seq = (long)_sequences[0];
                byte[] data = _storage.Read(NameOf(seq));
                string text = data == null ? null : Http.Utf8.Strict(data, 0, data.Length);
                if (text != null && text.Length > 0) return text;
                _log.Write(LogLevel.Error, "webhooks", "event #" + seq.ToString() + " cannot be read back from storage: skipped");
                Remove(seq);
            }
            return null;
        }

        /// <summary>Removes event <paramref name="sequence"/> (delivered, or refused by the CRM).</summary>
        public void Remove(long sequence)
        {
            for (int i = 0; i < _sequences.Count; i++)
            {
                if ((long)_sequences[i] != sequence) continue;
                _sequences.RemoveAt(i);
                _storage.Delete(NameOf(sequence));
                return;
            }
        }

        private static string NameOf(long sequence)
        {
            string digits = sequence.ToString();
            return EventPrefix + new string('0', digits.Length < 10 ? 10 - digits.Length : 0) + digits + ".json";
        }

        private void Load()
        {
            byte[] state = _storage.Read(StateFile);
            if (state != null)
            {
                string text = Http.Utf8.Strict(state, 0, state.Length);
                if (text != null)
                {
                    _next = Field(text, "next=", 1);
                    _dropped = Field(text, "dropped=", 0);
                }
            }
            string[] names = _storage.List();
            for (int i = 0; i < names.Length; i++)
            {
                string n = names[i];
                if (!n.StartsWith(EventPrefix) || !n.EndsWith(".json")) continue;
                long seq = Number(n.Substring(EventPrefix.Length, n.Length - EventPrefix.Length - 5));
                if (seq <= 0) continue;
                Insert(seq);
                if (seq >= _next) _next = seq + 1; // a state file older than the events (cannot happen by Reserve, but never reuse an id)
            }
            if (_sequences.Count > 0) _log.Write(LogLevel.Info, "webhooks", _sequences.Count.ToString() + " events waiting from before the restart");
        }

        private void Insert(long seq)
        {
            int i = _sequences.Count;
            while (i > 0 && (long)_sequences[i - 1] > seq) i--;
            _sequences.Insert(i, seq);
        }

        private void SaveState()
        {
            byte[] b = Encoding.UTF8.GetBytes("next=" + _next.ToString() + "\ndropped=" + _dropped.ToString() + "\n");
            if (!_storage.WriteAtomic(StateFile, b, 0, b.Length)) _log.Write(LogLevel.Error, "webhooks", "cannot save the queue's state");
        }

        private static long Field(string text, string key, long fallback)
        {
            int at = text.IndexOf(key);
            if (at < 0) return fallback;
            int end = text.IndexOf('\n', at);
            long n = Number(text.Substring(at + key.Length, (end < 0 ? text.Length : end) - at - key.Length));
            return n < 0 ? fallback : n;
        }

        /// <summary>A run of digits (at most 18), or -1.</summary>
        private static long Number(string s)
        {
            if (s.Length == 0 || s.Length > 18) return -1;
            long n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return -1;
                n = n * 10 + (s[i] - '0');
            }
            return n;
        }
    }
}
