// Call states, RFC-ish names (RFC 3261 §13, §15), and which side placed the call.
namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>Where a call stands.</summary>
    public enum CallState
    {
        /// <summary>Created, nothing sent or answered yet (an incoming call the phone is deciding on).</summary>
        Idle = 0,
        /// <summary>Outgoing: the INVITE is on its way, nothing heard.</summary>
        Calling = 1,
        /// <summary>Outgoing: a provisional without a dialog (100 Trying) arrived.</summary>
        Proceeding = 2,
        /// <summary>Outgoing: an early dialog exists (180 Ringing, 183 Session Progress).</summary>
        Early = 3,
        /// <summary>Incoming: the phone rings (180 sent), waiting for the user.</summary>
        Ringing = 4,
        /// <summary>A 2xx was sent or received: the session is up (held or not).</summary>
        Connected = 5,
        /// <summary>BYE or CANCEL sent, waiting for the far end.</summary>
        Terminating = 6,
        /// <summary>Over; see <see cref="SipCall.EndStatus"/> and <see cref="SipCall.EndReason"/>.</summary>
        Terminated = 7
    }

    /// <summary>Who placed the call.</summary>
    public enum CallDirection
    {
        /// <summary>We sent the INVITE (UAC).</summary>
        Outgoing = 0,
        /// <summary>We received the INVITE (UAS).</summary>
        Incoming = 1
    }

    /// <summary>Names of <see cref="CallState"/> for logs and the screen.</summary>
    public static class CallStates
    {
        /// <summary>"Idle", "Calling"...</summary>
        public static string Name(CallState s)
        {
            switch (s)
            {
                case CallState.Idle: return "Idle";
                case CallState.Calling: return "Calling";
                case CallState.Proceeding: return "Proceeding";
                case CallState.Early: return "Early";
                case CallState.Ringing: return "Ringing";
                case CallState.Connected: return "Connected";
                case CallState.Terminating: return "Terminating";
                default: return "Terminated";
            }
        }
    }

    /// <summary>What <see cref="ICallListener.IncomingCall"/> may answer besides a 3xx-6xx status.</summary>
    public static class CallDecision
    {
        /// <summary>Ring (180 Ringing); the user answers with <see cref="SipCall.Answer"/>.</summary>
        public const int Ring = 180;
        /// <summary>Answer at once (auto-answer, intercom).</summary>
        public const int Answer = 200;
        /// <summary>486 Busy Here (busy and call waiting off).</summary>
        public const int Busy = 486;
        /// <summary>480 Temporarily Unavailable (DND).</summary>
        public const int Unavailable = 480;
        /// <summary>603 Decline.</summary>
        public const int Decline = 603;
    }
}
