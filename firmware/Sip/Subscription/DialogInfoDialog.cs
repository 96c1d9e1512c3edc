// One <dialog> of a dialog-info body (RFC 4235 §4.1.1): ids, tags, direction, state, the two participants.
namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>A dialog's state (RFC 4235 §3.7.1), as the &lt;state&gt; element names it.</summary>
    public enum DialogPhase
    {
        /// <summary>"trying": an INVITE sent or received, no response yet.</summary>
        Trying = 0,
        /// <summary>"proceeding": a provisional response without a To tag.</summary>
        Proceeding = 1,
        /// <summary>"early": a provisional response with a To tag (ringing).</summary>
        Early = 2,
        /// <summary>"confirmed": answered.</summary>
        Confirmed = 3,
        /// <summary>"terminated": over.</summary>
        Terminated = 4
    }

    /// <summary>Who started the dialog, seen from the watched user (RFC 4235 "direction").</summary>
    public enum DialogDirection
    {
        /// <summary>Not given (or a value the RFC does not define).</summary>
        Unknown = 0,
        /// <summary>The watched user placed the call.</summary>
        Initiator = 1,
        /// <summary>The watched user is being called.</summary>
        Recipient = 2
    }

    /// <summary>
    /// One dialog of the watched user. "Local" is the watched user's side, "remote" the other party:
    /// for a call ringing at the watched user, <see cref="LocalTag"/> is its To tag and
    /// <see cref="RemoteTag"/> the caller's From tag.
    /// </summary>
    public sealed class DialogInfoDialog
    {
        internal DialogInfoDialog()
        {
            StateCode = -1;
        }

        /// <summary>The dialog's id in the document (required; matches dialogs across partial NOTIFYs).</summary>
        public string Id { get; internal set; }

        /// <summary>The call-id attribute, or null.</summary>
        public string CallId { get; internal set; }

        /// <summary>The watched user's tag, or null.</summary>
        public string LocalTag { get; internal set; }

        /// <summary>The other party's tag, or null.</summary>
        public string RemoteTag { get; internal set; }

        /// <summary>Who started it.</summary>
        public DialogDirection Direction { get; internal set; }

        /// <summary>Where it stands.</summary>
        public DialogPhase Phase { get; internal set; }

        /// <summary>The state's event attribute ("cancelled", "rejected", "replaced", "local-bye"...), or null.</summary>
        public string StateEvent { get; internal set; }

        /// <summary>The state's code attribute (a SIP status), or -1.</summary>
        public int StateCode { get; internal set; }

        /// <summary>The watched user's identity URI, or null.</summary>
        public string LocalIdentity { get; internal set; }

        /// <summary>The display name of <see cref="LocalIdentity"/>, or null.</summary>
        public string LocalDisplay { get; internal set; }

        /// <summary>The watched user's target (Contact) URI, or null.</summary>
        public string LocalTarget { get; internal set; }

        /// <summary>The other party's identity URI ("sip:203@office.example"), or null.</summary>
        public string RemoteIdentity { get; internal set; }

        /// <summary>The display name of <see cref="RemoteIdentity"/> ("Carol"), or null.</summary>
        public string RemoteDisplay { get; internal set; }

        /// <summary>The other party's target (Contact) URI, or null.</summary>
        public string RemoteTarget { get; internal set; }

        /// <summary>True when the dialog is over.</summary>
        public bool IsTerminated { get { return Phase == DialogPhase.Terminated; } }

        /// <summary>True when it rings at the watched user: early, and the watched user is the recipient (pickup is possible).</summary>
        public bool IsRingingThere { get { return Phase == DialogPhase.Early && Direction == DialogDirection.Recipient; } }

        /// <summary>"trying", "proceeding", "early", "confirmed", "terminated".</summary>
        public static string PhaseName(DialogPhase phase)
        {
            switch (phase)
            {
                case DialogPhase.Trying: return "trying";
                case DialogPhase.Proceeding: return "proceeding";
                case DialogPhase.Early: return "early";
                case DialogPhase.Confirmed: return "confirmed";
                default: return "terminated";
            }
        }

        /// <summary>"early recipient 1234 (sip:203@office.example)" for logs.</summary>
        public override string ToString()
        {
            string dir = Direction == DialogDirection.Recipient ? " recipient" : Direction == DialogDirection.Initiator ? " initiator" : "";
            return PhaseName(Phase) + dir + " " + Id + (RemoteIdentity == null ? "" : " (" + RemoteIdentity + ")");
        }
    }
}
