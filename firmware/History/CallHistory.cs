// The call history in memory: newest first, bounded, with the unread missed calls counted.
using System.Collections;

namespace DeskPhone.Firmware.History
{
    /// <summary>Which entries a history list shows.</summary>
    public enum HistoryFilter
    {
        /// <summary>Every call.</summary>
        All = 0,
        /// <summary>Missed calls.</summary>
        Missed = 1,
        /// <summary>Answered calls.</summary>
        Received = 2,
        /// <summary>Calls made from here.</summary>
        Placed = 3
    }

    /// <summary>
    /// At most <see cref="Capacity"/> calls, newest first; adding one more drops the oldest.
    /// Lives on the event loop (no locking). <see cref="HistoryFile"/> stores it.
    /// </summary>
    public sealed class CallHistory
    {
        /// <summary>How many calls the phone keeps.</summary>
        public const int DefaultCapacity = 100;

        private readonly ArrayList _records = new ArrayList();

        /// <summary>A history of at most <paramref name="capacity"/> calls.</summary>
        public CallHistory(int capacity)
        {
            Capacity = capacity < 1 ? 1 : capacity;
        }

        /// <summary>The most calls kept.</summary>
        public int Capacity { get; private set; }

        /// <summary>Calls kept.</summary>
        public int Count { get { return _records.Count; } }

        /// <summary>The <paramref name="index"/>th call, 0 = newest.</summary>
        public CallRecord At(int index)
        {
            return (CallRecord)_records[index];
        }

        /// <summary>Adds <paramref name="record"/> as the newest; the oldest go beyond <see cref="Capacity"/>.</summary>
        public void Add(CallRecord record)
        {
            _records.Insert(0, record);
            while (_records.Count > Capacity) _records.RemoveAt(_records.Count - 1);
        }

        /// <summary>Adds <paramref name="record"/> as the oldest (loading a file, newest first); false when full.</summary>
        public bool Append(CallRecord record)
        {
            if (_records.Count >= Capacity) return false;
            _records.Add(record);
            return true;
        }

        /// <summary>Forgets every call.</summary>
        public void Clear()
        {
            _records.Clear();
        }

        /// <summary>Missed calls not yet seen.</summary>
        public int UnreadMissed
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _records.Count; i++)
                {
                    CallRecord r = (CallRecord)_records[i];
                    if (r.Kind == CallKind.Missed && r.Unread) n++;
                }
                return n;
            }
        }

        /// <summary>Marks every missed call seen; true when any was unread.</summary>
        public bool MarkMissedRead()
        {
            bool changed = false;
            for (int i = 0; i < _records.Count; i++)
            {
                CallRecord r = (CallRecord)_records[i];
                if (r.Unread) { r.Unread = false; changed = true; }
            }
            return changed;
        }

        /// <summary>True when <paramref name="record"/> belongs in the <paramref name="filter"/> list.</summary>
        public static bool Matches(CallRecord record, HistoryFilter filter)
        {
            switch (filter)
            {
                case HistoryFilter.Missed: return record.Kind == CallKind.Missed;
                case HistoryFilter.Received: return record.Kind == CallKind.Received;
                case HistoryFilter.Placed: return record.Kind == CallKind.Placed;
                default: return true;
            }
        }

        /// <summary>The calls in the <paramref name="filter"/> list, newest first (a new array).</summary>
        public CallRecord[] Select(HistoryFilter filter)
        {
            int n = 0;
            for (int i = 0; i < _records.Count; i++)
            {
                if (Matches((CallRecord)_records[i], filter)) n++;
            }
            CallRecord[] result = new CallRecord[n];
            n = 0;
            for (int i = 0; i < _records.Count; i++)
            {
                CallRecord r = (CallRecord)_records[i];
                if (Matches(r, filter)) result[n++] = r;
            }
            return result;
        }
    }
}
