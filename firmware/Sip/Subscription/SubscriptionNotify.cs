// What one NOTIFY told the subscriber: the body and the Subscription-State (RFC 6665 §4.1.3, §8.2.3).
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// A NOTIFY handed to an <see cref="ISubscriptionListener"/>: body, media type and the parsed
    /// Subscription-State. <see cref="Message"/> gives the rest (Call-Info for call-info and line-seize).
    /// </summary>
    public sealed class SubscriptionNotify
    {
        /// <summary>"active".</summary>
        public const string Active = "active";
        /// <summary>"pending".</summary>
        public const string Pending = "pending";
        /// <summary>"terminated".</summary>
        public const string Terminated = "terminated";

        private SubscriptionNotify(SipMessage message, string state, string reason, int expires, int retryAfter)
        {
            Message = message;
            State = state;
            Reason = reason;
            Expires = expires;
            RetryAfter = retryAfter;
        }

        /// <summary>The NOTIFY as received.</summary>
        public SipMessage Message { get; private set; }

        /// <summary>"active", "pending", "terminated", or another value in lower case (which leaves the state as it was).</summary>
        public string State { get; private set; }

        /// <summary>The reason of a terminated state in lower case ("deactivated", "rejected"...), or null.</summary>
        public string Reason { get; private set; }

        /// <summary>The expires parameter in seconds, or -1.</summary>
        public int Expires { get; private set; }

        /// <summary>The retry-after parameter in seconds, or -1.</summary>
        public int RetryAfter { get; private set; }

        /// <summary>The media type of the body in lower case ("application/dialog-info+xml"), or null without a body type.</summary>
        public string ContentType { get { return Message.ContentMediaType; } }

        /// <summary>The body bytes (empty when none; call-info NOTIFYs have none).</summary>
        public byte[] Body { get { return Message.Body; } }

        /// <summary>The body as UTF-8 text.</summary>
        public string BodyText { get { return Message.BodyText; } }

        /// <summary>True for "active".</summary>
        public bool IsActive { get { return State == Active; } }

        /// <summary>True for "terminated".</summary>
        public bool IsTerminated { get { return State == Terminated; } }

        /// <summary>
        /// Reads the Subscription-State of <paramref name="notify"/>; null when it is missing or
        /// unreadable (the caller answers 400).
        /// </summary>
        public static SubscriptionNotify From(SipMessage notify)
        {
            SipHeaderValue v = notify.SubscriptionState;
            if (v == null) return null;
            string state = SipText.LowerAscii(v.Value);
            string reason = v.Parameters.GetUnquoted("reason");
            if (reason != null) reason = SipText.LowerAscii(reason);
            return new SubscriptionNotify(notify, state, reason, Seconds(v.GetParameter("expires")), Seconds(v.GetParameter("retry-after")));
        }

        private static int Seconds(string text)
        {
            if (text == null) return -1;
            long v = SipText.ParseNumber(text);
            if (v < 0) return -1;
            return v > int.MaxValue ? int.MaxValue : (int)v;
        }
    }
}
