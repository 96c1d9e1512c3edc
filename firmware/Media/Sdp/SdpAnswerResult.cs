// The outcome of answering an offer: an answer to send, or a SIP status and a reason to refuse with.
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// Either <see cref="Accepted"/> with the <see cref="Answer"/> to send and the
    /// <see cref="Media"/> it sets up, or a refusal: <see cref="Status"/> 488 (Not Acceptable Here)
    /// when nothing in the offer is usable, 400 (Bad Request) when its audio has no address, 491 (Request Pending) when our own offer is still
    /// waiting, with a <see cref="Reason"/> sentence for the log and the Warning header.
    /// </summary>
    public sealed class SdpAnswerResult
    {
        /// <summary>400 Bad Request: the offer's audio stream has no address (no c= line at either level).</summary>
        public const int BadRequest = 400;

        /// <summary>488 Not Acceptable Here (RFC 3261 §21.4.26): no common media.</summary>
        public const int NotAcceptableHere = 488;

        /// <summary>491 Request Pending (RFC 3261 §21.4.27): an offer crossed ours.</summary>
        public const int RequestPending = 491;

        private readonly SdpSession _answer;
        private readonly NegotiatedMedia _media;
        private readonly int _status;
        private readonly string _reason;

        private SdpAnswerResult(SdpSession answer, NegotiatedMedia media, int status, string reason)
        {
            _answer = answer;
            _media = media;
            _status = status;
            _reason = reason;
        }

        internal static SdpAnswerResult Accept(SdpSession answer, NegotiatedMedia media)
        {
            return new SdpAnswerResult(answer, media, 0, null);
        }

        internal static SdpAnswerResult Refuse(int status, string reason)
        {
            return new SdpAnswerResult(null, null, status, reason);
        }

        /// <summary>True when there is an answer to send.</summary>
        public bool Accepted { get { return _answer != null; } }

        /// <summary>True for the 488 case: the offer and this phone have no audio codec in common.</summary>
        public bool NothingInCommon { get { return _status == NotAcceptableHere; } }

        /// <summary>The answer (same m= line count and order as the offer), or null when refused.</summary>
        public SdpSession Answer { get { return _answer; } }

        /// <summary>The audio stream the answer sets up, or null when refused.</summary>
        public NegotiatedMedia Media { get { return _media; } }

        /// <summary>0 when accepted, else the SIP status to refuse the request with (488, 491).</summary>
        public int Status { get { return _status; } }

        /// <summary>Why the offer was refused, or null.</summary>
        public string Reason { get { return _reason; } }
    }
}
