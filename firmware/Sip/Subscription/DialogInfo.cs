// One application/dialog-info+xml document (RFC 4235 §4.1): version, full or partial, the dialogs it lists.
using System.Collections;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// What one NOTIFY of the dialog package said. Made by <see cref="TryParse"/> (DialogInfo.Parse.cs),
    /// which never throws: a malformed body is refused with a reason. Merge documents into what
    /// a watcher knows with <see cref="DialogInfoTracker"/>.
    /// </summary>
    public sealed partial class DialogInfo
    {
        /// <summary>Longest body read, in characters (a SIP body over UDP is at most 64 KB anyway).</summary>
        public const int MaxBodyLength = 65536;

        /// <summary>Most dialogs one document may list.</summary>
        public const int MaxDialogs = 32;

        /// <summary>The media type of the body.</summary>
        public const string ContentType = "application/dialog-info+xml";

        private readonly ArrayList _dialogs = new ArrayList();

        private DialogInfo()
        {
        }

        /// <summary>The version attribute (0 to 2^32-1; RFC 4235: one higher with every NOTIFY of a subscription).</summary>
        public long Version { get; private set; }

        /// <summary>True for state="full" (the whole picture), false for "partial" (changes only).</summary>
        public bool IsFull { get; private set; }

        /// <summary>The entity attribute: the watched resource ("sip:202@office.example"), or null.</summary>
        public string Entity { get; private set; }

        /// <summary>How many dialogs the document lists.</summary>
        public int Count { get { return _dialogs.Count; } }

        /// <summary>The <paramref name="index"/>th dialog, in document order.</summary>
        public DialogInfoDialog Get(int index)
        {
            return (DialogInfoDialog)_dialogs[index];
        }
    }
}
