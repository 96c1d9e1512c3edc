// What a watcher knows of the watched user's dialogs: full and partial NOTIFYs merged by version (RFC 4235 §4.1).
using System.Collections;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>What <see cref="DialogInfoTracker.Apply"/> did with a document.</summary>
    public enum DialogInfoUpdate
    {
        /// <summary>Taken in.</summary>
        Applied = 0,
        /// <summary>Ignored: its version is not newer than what is known (a late or repeated NOTIFY).</summary>
        Stale = 1,
        /// <summary>
        /// Taken in, but a partial document skipped versions (or came first): something was missed.
        /// Refresh the subscription to get full state.
        /// </summary>
        Gap = 2
    }

    /// <summary>
    /// The live (not terminated) dialogs of one watched resource. A full document replaces them; a
    /// partial one changes the dialogs it names (by id) and removes those it says are terminated.
    /// Documents whose version is not above the last one are ignored. Versions count per
    /// subscription: <see cref="Reset"/> when a new subscription dialog starts. Keeps at most
    /// <see cref="DialogInfo.MaxDialogs"/> dialogs (further new ones are dropped).
    /// </summary>
    public sealed class DialogInfoTracker
    {
        private readonly ArrayList _dialogs = new ArrayList();

        /// <summary>Nothing known yet.</summary>
        public DialogInfoTracker()
        {
            Version = -1;
        }

        /// <summary>The version of the last document taken in, -1 before the first.</summary>
        public long Version { get; private set; }

        /// <summary>True once a full document has been taken in since the last <see cref="Reset"/>.</summary>
        public bool HasFullState { get; private set; }

        /// <summary>Live dialogs known.</summary>
        public int Count { get { return _dialogs.Count; } }

        /// <summary>The <paramref name="index"/>th live dialog, oldest first.</summary>
        public DialogInfoDialog Get(int index)
        {
            return (DialogInfoDialog)_dialogs[index];
        }

        /// <summary>Forgets everything (a new subscription: its versions start again).</summary>
        public void Reset()
        {
            _dialogs.Clear();
            Version = -1;
            HasFullState = false;
        }

        /// <summary>Merges <paramref name="doc"/> into what is known.</summary>
        public DialogInfoUpdate Apply(DialogInfo doc)
        {
            if (Version >= 0 && doc.Version <= Version) return DialogInfoUpdate.Stale;
            bool gap = !doc.IsFull && (!HasFullState || doc.Version != Version + 1);
            Version = doc.Version;
            if (doc.IsFull)
            {
                _dialogs.Clear();
                HasFullState = true;
            }
            for (int i = 0; i < doc.Count; i++)
            {
                DialogInfoDialog d = doc.Get(i);
                int at = IndexOf(d.Id);
                if (d.IsTerminated)
                {
                    if (at >= 0) _dialogs.RemoveAt(at);
                }
                else if (at >= 0) _dialogs[at] = d;
                else if (_dialogs.Count < DialogInfo.MaxDialogs) _dialogs.Add(d);
            }
            return gap ? DialogInfoUpdate.Gap : DialogInfoUpdate.Applied;
        }

        /// <summary>The first dialog ringing at the watched user (early, recipient), or null.</summary>
        public DialogInfoDialog Ringing()
        {
            for (int i = 0; i < _dialogs.Count; i++)
            {
                DialogInfoDialog d = (DialogInfoDialog)_dialogs[i];
                if (d.IsRingingThere) return d;
            }
            return null;
        }

        private int IndexOf(string id)
        {
            for (int i = 0; i < _dialogs.Count; i++)
            {
                if (((DialogInfoDialog)_dialogs[i]).Id == id) return i;
            }
            return -1;
        }
    }
}
