// RFC 3842 message-summary bodies (application/simple-message-summary): waiting or not, and the counts.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>New and old messages of one class, with the urgent ones among them (RFC 3842 §5.2).</summary>
    public sealed class MessageCounts
    {
        /// <summary>Unheard messages.</summary>
        public int New;
        /// <summary>Heard (saved) messages.</summary>
        public int Old;
        /// <summary>Urgent unheard messages (part of <see cref="New"/>).</summary>
        public int UrgentNew;
        /// <summary>Urgent heard messages (part of <see cref="Old"/>).</summary>
        public int UrgentOld;
    }

    /// <summary>
    /// What a message-summary NOTIFY says: whether messages wait, the account, and per message class
    /// the counts when the server sends them. Tolerant as phones must be: header names in any case,
    /// CRLF or bare LF, spaces around ':' '/' '(' ')', a body with only "Messages-Waiting: yes", or
    /// counts without the status line; unknown lines and the optional message headers after the
    /// blank line are ignored, a summary line with unreadable counts is skipped.
    /// </summary>
    public sealed class MessageSummary
    {
        /// <summary>The media type of the body.</summary>
        public const string ContentType = "application/simple-message-summary";

        /// <summary>The message classes of RFC 3842 §5.2 (RFC 3458 names), in <see cref="Counts(int)"/> order.</summary>
        public static readonly string[] Classes = { "voice-message", "fax-message", "pager-message", "multimedia-message", "text-message", "none" };

        /// <summary>Index of voice-message in <see cref="Classes"/>.</summary>
        public const int Voice = 0;

        private const int MaxDigits = 9;
        private const int MaxLines = 256;

        private readonly MessageCounts[] _counts = new MessageCounts[6];

        private MessageSummary()
        {
        }

        /// <summary>"Messages-Waiting: yes" (or, without that line, some class has new messages).</summary>
        public bool MessagesWaiting { get; private set; }

        /// <summary>True when the body had a Messages-Waiting line.</summary>
        public bool HasStatusLine { get; private set; }

        /// <summary>The Message-Account URI as written, or null.</summary>
        public string MessageAccount { get; private set; }

        /// <summary>Summary lines that could not be read (skipped).</summary>
        public int SkippedLines { get; private set; }

        /// <summary>The counts of class <paramref name="index"/> (see <see cref="Classes"/>), or null when the body had none.</summary>
        public MessageCounts Counts(int index)
        {
            return index >= 0 && index < _counts.Length ? _counts[index] : null;
        }

        /// <summary>Voice-message counts, or null when the body had none (e.g. "Messages-Waiting: yes" alone).</summary>
        public MessageCounts VoiceCounts { get { return _counts[Voice]; } }

        /// <summary>New voice messages, or -1 when the body did not count them.</summary>
        public int NewVoiceMessages { get { return _counts[Voice] == null ? -1 : _counts[Voice].New; } }

        /// <summary>
        /// Reads a message-summary body. False, with <paramref name="reason"/>, when it has neither a
        /// Messages-Waiting line nor any message counts (an empty or foreign body).
        /// </summary>
        public static bool TryParse(string body, out MessageSummary summary, out string reason)
        {
            summary = null;
            reason = null;
            if (body == null || body.Trim().Length == 0)
            {
                reason = "empty body";
                return false;
            }
            MessageSummary s = new MessageSummary();
            bool started = false;
            bool anyCounts = false;
            int at = 0;
            int lines = 0;
            while (at <= body.Length && lines++ < MaxLines)
            {
                int end = body.IndexOf('\n', at);
                if (end < 0) end = body.Length;
                string line = body.Substring(at, end - at).Trim();
                at = end + 1;
                if (line.Length == 0)
                {
                    if (started) break; // the optional message headers follow the blank line
                    continue;
                }
                started = true;
                int colon = line.IndexOf(':');
                if (colon <= 0) continue;
                string name = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                if (SipText.EqualsIgnoreCase(name, "Messages-Waiting"))
                {
                    if (SipText.EqualsIgnoreCase(value, "yes")) { s.MessagesWaiting = true; s.HasStatusLine = true; }
                    else if (SipText.EqualsIgnoreCase(value, "no")) { s.MessagesWaiting = false; s.HasStatusLine = true; }
                    continue;
                }
                if (SipText.EqualsIgnoreCase(name, "Message-Account"))
                {
                    if (value.Length > 0) s.MessageAccount = value;
                    continue;
                }
                int cls = ClassIndex(name);
                if (cls < 0) continue;
                MessageCounts counts;
                if (!TryParseCounts(value, out counts)) { s.SkippedLines++; continue; }
                s._counts[cls] = counts;
                anyCounts = true;
            }
            if (!s.HasStatusLine && !anyCounts)
            {
                reason = "no Messages-Waiting line or message counts";
                return false;
            }
            if (!s.HasStatusLine)
            {
                for (int i = 0; i < s._counts.Length; i++)
                {
                    if (s._counts[i] != null && s._counts[i].New > 0) s.MessagesWaiting = true;
                }
            }
            summary = s;
            return true;
        }

        private static int ClassIndex(string name)
        {
            for (int i = 0; i < Classes.Length; i++)
            {
                if (SipText.EqualsIgnoreCase(name, Classes[i])) return i;
            }
            return -1;
        }

        /// <summary>"new/old" with an optional "(urgent-new/urgent-old)".</summary>
        private static bool TryParseCounts(string value, out MessageCounts counts)
        {
            counts = null;
            string main = value;
            string urgent = null;
            int open = value.IndexOf('(');
            if (open >= 0)
            {
                int close = value.IndexOf(')', open);
                if (close < 0 || value.Substring(close + 1).Trim().Length > 0) return false;
                main = value.Substring(0, open);
                urgent = value.Substring(open + 1, close - open - 1);
            }
            MessageCounts c = new MessageCounts();
            if (!TryParsePair(main, out c.New, out c.Old)) return false;
            if (urgent != null && !TryParsePair(urgent, out c.UrgentNew, out c.UrgentOld)) return false;
            counts = c;
            return true;
        }

        private static bool TryParsePair(string text, out int first, out int second)
        {
            second = 0;
            int slash = text.IndexOf('/');
            if (slash < 0) { first = 0; return false; }
            return TryParseNumber(text.Substring(0, slash).Trim(), out first) && TryParseNumber(text.Substring(slash + 1).Trim(), out second);
        }

        private static bool TryParseNumber(string s, out int value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > MaxDigits) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return true;
        }
    }
}
