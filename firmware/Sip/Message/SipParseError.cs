// Why a datagram or framed message is not a usable SIP message, and what to answer.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// A parse failure: the status a UAS answers with (400, 505, 513), a short reason for the
    /// reason phrase ("Missing Call-ID", "Bad CSeq"), whether the bad message was a response
    /// (responses are dropped, never answered), and the headers that could be read so a 400 can be
    /// addressed with <see cref="SipMessage.CreateResponse(SipMessage, int, string)"/>.
    /// </summary>
    public sealed class SipParseError
    {
        internal SipParseError(int status, string reason, bool isResponse, SipMessage partial)
        {
            Status = status;
            Reason = reason;
            IsResponse = isResponse;
            Partial = partial;
        }

        /// <summary>The status to answer with: 400, 505 (version), 513 (too large).</summary>
        public int Status { get; private set; }

        /// <summary>A short reason, fit for the reason phrase: "Missing Call-ID", "Content-Length larger than the message".</summary>
        public string Reason { get; private set; }

        /// <summary>True when the bad message was a response: drop it silently (RFC 3261 §18.1.2).</summary>
        public bool IsResponse { get; private set; }

        /// <summary>
        /// The start line and headers read before the problem (values not checked), or null when
        /// nothing was read (513, empty input). Use it only to address an error response.
        /// </summary>
        public SipMessage Partial { get; private set; }

        /// <summary>
        /// True when a response can be sent: a request (never a response) whose top Via could be read,
        /// so the transport knows where the answer goes (RFC 3261 §18.2.2). The response copies
        /// whatever of From, To, Call-ID and CSeq exists; the client matches it by Via branch.
        /// </summary>
        public bool CanAnswer
        {
            get { return !IsResponse && Partial != null && Partial.TopVia != null; }
        }

        /// <summary>"400 Missing Call-ID" (with "(response, dropped)" for responses).</summary>
        public override string ToString()
        {
            return Status.ToString() + " " + Reason + (IsResponse ? " (response, dropped)" : "");
        }
    }
}
