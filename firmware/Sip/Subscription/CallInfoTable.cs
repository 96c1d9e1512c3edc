// The appearances of one shared line, as the last call-info NOTIFY listed them.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// The busy appearances of a shared line. Kamailio's sca sends the whole list in every call-info
    /// NOTIFY (then "*" idle for the rest), so each NOTIFY replaces the table; an entry in state idle
    /// is left out. A NOTIFY with no Call-Info at all (a terminated one) changes nothing; one whose
    /// Call-Info is unreadable changes nothing either (the problem is kept for the log).
    /// </summary>
    public sealed class CallInfoTable
    {
        private CallInfoAppearance[] _busy = new CallInfoAppearance[0];

        /// <summary>Busy appearances (not idle), in the order the NOTIFY listed them.</summary>
        public int Count { get { return _busy.Length; } }

        /// <summary>The busy appearance at <paramref name="i"/>.</summary>
        public CallInfoAppearance At(int i) { return _busy[i]; }

        /// <summary>What the last applied NOTIFY had that could not be used, or null.</summary>
        public string LastProblem { get; private set; }

        /// <summary>How many NOTIFYs changed the table.</summary>
        public int Updates { get; private set; }

        /// <summary>Takes the Call-Info of a call-info NOTIFY; true when the table changed.</summary>
        public bool Apply(SipMessage notify)
        {
            if (notify == null || !notify.HasHeader(SipHeaderNames.CallInfo)) return false;
            string problem;
            CallInfoAppearance[] all = CallInfoHeader.Read(notify, out problem);
            LastProblem = problem;
            if (all.Length == 0) return false;
            int busy = 0;
            for (int i = 0; i < all.Length; i++) if (IsBusy(all[i])) busy++;
            CallInfoAppearance[] next = new CallInfoAppearance[busy];
            int n = 0;
            for (int i = 0; i < all.Length; i++) if (IsBusy(all[i])) next[n++] = all[i];
            bool changed = !Same(_busy, next);
            _busy = next;
            if (changed) Updates++;
            return changed;
        }

        /// <summary>Forgets every appearance (a new subscription starts from its first NOTIFY).</summary>
        public void Clear()
        {
            _busy = new CallInfoAppearance[0];
        }

        /// <summary>The busy appearance numbered <paramref name="index"/>, or null (idle or never heard of).</summary>
        public CallInfoAppearance Find(int index)
        {
            for (int i = 0; i < _busy.Length; i++) if (_busy[i].Index == index) return _busy[i];
            return null;
        }

        /// <summary>The lowest index from 1 that is neither busy here nor in <paramref name="alsoTaken"/> (e.g. this phone's own).</summary>
        public int FreeIndex(int[] alsoTaken, int alsoTakenCount)
        {
            for (int index = 1; index <= CallInfoHeader.MaxIndex; index++)
            {
                if (Find(index) != null) continue;
                bool taken = false;
                for (int j = 0; j < alsoTakenCount && !taken; j++) taken = alsoTaken[j] == index;
                if (!taken) return index;
            }
            return 0;
        }

        private static bool IsBusy(CallInfoAppearance a)
        {
            return !a.IsAllOthers && a.Index > 0 && a.State != AppearanceState.Idle;
        }

        private static bool Same(CallInfoAppearance[] a, CallInfoAppearance[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i].Index != b[i].Index || a[i].State != b[i].State || a[i].Uri != b[i].Uri) return false;
            }
            return true;
        }

        /// <summary>"1 active Carol 204, 2 held 201" or "idle", for logs.</summary>
        public override string ToString()
        {
            if (_busy.Length == 0) return "idle";
            string s = "";
            for (int i = 0; i < _busy.Length; i++) s = s + (i == 0 ? "" : ", ") + _busy[i].ToString();
            return s;
        }
    }
}
