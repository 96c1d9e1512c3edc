// One call in the history: when, which way, who, on which line, how long, how it ended.
using System;

namespace DeskPhone.Firmware.History
{
    /// <summary>Which list a call belongs to.</summary>
    public enum CallKind
    {
        /// <summary>Came in and was not answered here (caller gave up, declined, refused by DND or busy).</summary>
        Missed = 0,
        /// <summary>Came in and was answered here.</summary>
        Received = 1,
        /// <summary>Made from this phone.</summary>
        Placed = 2
    }

    /// <summary>How a call ended.</summary>
    public enum CallEnding
    {
        /// <summary>Talked, then this phone hung up.</summary>
        Hangup = 0,
        /// <summary>Talked, then the other party hung up.</summary>
        RemoteHangup = 1,
        /// <summary>Given up before the answer: by the caller (missed) or by us (placed).</summary>
        Cancelled = 2,
        /// <summary>Declined: by the user here (603), or by the far end.</summary>
        Declined = 3,
        /// <summary>Busy: the far end (486/600), or this phone during another call.</summary>
        Busy = 4,
        /// <summary>Nobody answered (408, 480 from the far end).</summary>
        NoAnswer = 5,
        /// <summary>Refused here without ringing: do not disturb (480).</summary>
        Refused = 6,
        /// <summary>Any other failure (404, 488, 503...): see <see cref="CallRecord.Status"/>.</summary>
        Failed = 7,
        /// <summary>Replaced by another call (RFC 3891), e.g. picked up elsewhere.</summary>
        Replaced = 8
    }

    /// <summary>
    /// One entry of the call history. Plain fields: the phone fills it in when a call ends,
    /// <see cref="HistoryFile"/> stores it. <see cref="Outcome"/>, <see cref="HandledBy"/> and
    /// <see cref="Recording"/>, <see cref="CallId"/>, <see cref="Contact"/> and <see cref="Company"/> are
    /// optional: the outcome the user chose at the end, who answered or placed a call on a shared
    /// (delegated) line, a recording's reference, the SIP Call-ID (what a CRM matches events by), the
    /// contact the call was matched to. They round-trip through the file and are written only when set.
    /// </summary>
    public sealed class CallRecord
    {
        /// <summary>Wall-clock time the call began (ringing here, or dialed).</summary>
        public DateTime Time;
        /// <summary>Missed, received or placed.</summary>
        public CallKind Kind;
        /// <summary>How it ended.</summary>
        public CallEnding Ending;
        /// <summary>The SIP status that ended it (200 for a call that was talked and hung up).</summary>
        public int Status;
        /// <summary>Seconds talked (0 when never connected).</summary>
        public int DurationSeconds;
        /// <summary>A missed call not yet seen in the history screen.</summary>
        public bool Unread;
        /// <summary>The account the call was on ("main"), or null.</summary>
        public string Line;
        /// <summary>The other party's number (user part of the address), or the address when it has none.</summary>
        public string Number;
        /// <summary>The other party's display name, or null.</summary>
        public string Name;
        /// <summary>The other party's address, to call back ("sip:202@office.example"), or null.</summary>
        public string Uri;
        /// <summary>The outcome chosen for the call ("Reached"), as its label read then; null when none was chosen.</summary>
        public string Outcome;
        /// <summary>Who answered or placed it on a shared line; null.</summary>
        public string HandledBy;
        /// <summary>The recording's storage name ("rec/....wav"), or null when the call was not recorded.</summary>
        public string Recording;
        /// <summary>The SIP Call-ID of the call, or null (entries written before it was kept).</summary>
        public string CallId;
        /// <summary>The directory contact the call belongs to (name), or null.</summary>
        public string Contact;
        /// <summary>That contact's company, or null.</summary>
        public string Company;

        /// <summary>The name when there is one, else the number.</summary>
        public string Shown
        {
            get
            {
                if (Name != null && Name.Length > 0) return Name;
                return Number != null && Number.Length > 0 ? Number : "Unknown";
            }
        }

        /// <summary>Where a call back goes: the address, else the number; null when neither is known.</summary>
        public string CallBackTarget
        {
            get
            {
                if (Uri != null && Uri.Length > 0) return Uri;
                return Number != null && Number.Length > 0 ? Number : null;
            }
        }

        /// <summary>"missed", "received", "placed": the words of the file and the screen.</summary>
        public static string KindName(CallKind kind)
        {
            switch (kind)
            {
                case CallKind.Missed: return "missed";
                case CallKind.Received: return "received";
                default: return "placed";
            }
        }

        /// <summary>The file's word for <paramref name="ending"/> ("remote-hangup").</summary>
        public static string EndingName(CallEnding ending)
        {
            switch (ending)
            {
                case CallEnding.Hangup: return "hangup";
                case CallEnding.RemoteHangup: return "remote-hangup";
                case CallEnding.Cancelled: return "cancelled";
                case CallEnding.Declined: return "declined";
                case CallEnding.Busy: return "busy";
                case CallEnding.NoAnswer: return "no-answer";
                case CallEnding.Refused: return "refused";
                case CallEnding.Replaced: return "replaced";
                default: return "failed";
            }
        }

        /// <summary>Reads a kind word; false for anything else.</summary>
        public static bool TryParseKind(string text, out CallKind kind)
        {
            kind = CallKind.Placed;
            for (int i = 0; i <= (int)CallKind.Placed; i++)
            {
                if (KindName((CallKind)i) == text) { kind = (CallKind)i; return true; }
            }
            return false;
        }

        /// <summary>Reads an ending word; false for anything else.</summary>
        public static bool TryParseEnding(string text, out CallEnding ending)
        {
            ending = CallEnding.Failed;
            for (int i = 0; i <= (int)CallEnding.Replaced; i++)
            {
                if (EndingName((CallEnding)i) == text) { ending = (CallEnding)i; return true; }
            }
            return false;
        }
    }
}
