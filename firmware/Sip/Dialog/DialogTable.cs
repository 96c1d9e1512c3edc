// The dialogs of the phone, found by Call-ID and tags (RFC 3261 §12.2.2, RFC 3891 §3).
using System.Collections;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Dialog
{
    /// <summary>
    /// Live dialogs keyed by Call-ID + local tag + remote tag. A request matches by its To tag (ours)
    /// and From tag (theirs); a response by its From tag (ours) and To tag (theirs).
    /// </summary>
    public sealed class DialogTable
    {
        private readonly Hashtable _dialogs = new Hashtable();

        /// <summary>How many dialogs are in the table.</summary>
        public int Count { get { return _dialogs.Count; } }

        /// <summary>The table key of a dialog.</summary>
        public static string Key(string callId, string localTag, string remoteTag)
        {
            return (callId == null ? "" : callId) + "|" + (localTag == null ? "" : localTag) + "|" + (remoteTag == null ? "" : remoteTag);
        }

        /// <summary>Adds (or replaces) <paramref name="dialog"/>.</summary>
        public void Add(SipDialog dialog)
        {
            _dialogs[dialog.Id] = dialog;
        }

        /// <summary>Removes <paramref name="dialog"/> if it is the one in the table under its key.</summary>
        public void Remove(SipDialog dialog)
        {
            if (dialog != null && _dialogs[dialog.Id] == dialog) _dialogs.Remove(dialog.Id);
        }

        /// <summary>The dialog with these identifiers, or null.</summary>
        public SipDialog Find(string callId, string localTag, string remoteTag)
        {
            return _dialogs[Key(callId, localTag, remoteTag)] as SipDialog;
        }

        /// <summary>The dialog a request from the peer belongs to (local tag = To tag), or null.</summary>
        public SipDialog FindForRequest(SipMessage request)
        {
            return Find(request.CallId, request.ToTag, request.FromTag);
        }

        /// <summary>The dialog a response to our request belongs to (local tag = From tag), or null.</summary>
        public SipDialog FindForResponse(SipMessage response)
        {
            return Find(response.CallId, response.FromTag, response.ToTag);
        }

        /// <summary>Every dialog, in no particular order.</summary>
        public SipDialog[] All()
        {
            SipDialog[] all = new SipDialog[_dialogs.Count];
            int i = 0;
            foreach (DictionaryEntry e in _dialogs) all[i++] = (SipDialog)e.Value;
            return all;
        }
    }
}
