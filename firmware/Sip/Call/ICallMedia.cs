// What a call needs from the media side: SDP bodies in, SDP bodies out. The SDP itself is not read here.
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// The session description side of one call (RFC 3264 offer/answer). The call layer only moves
    /// bodies: it never reads them. <see cref="SdpCallMedia"/> is the real one; tests plug a fake
    /// with canned text.
    /// </summary>
    public interface ICallMedia
    {
        /// <summary>
        /// An offer for a new session or a codec change (sendrecv, or as held when held); null when
        /// the media cannot make one (no RTP port free): a new call then ends with 503.
        /// </summary>
        string CreateOffer();

        /// <summary>
        /// The answer to the peer's <paramref name="offer"/>, or null when it is refused: then
        /// <paramref name="status"/> is the SIP status to answer with (488 nothing in common, 400 no
        /// address, 491 an offer of ours is pending, 503 no resources; 0 means 488) and
        /// <paramref name="reason"/> says why (for the log and the Warning header).
        /// </summary>
        string AnswerFor(string offer, out int status, out string reason);

        /// <summary>
        /// The peer answered our last offer with <paramref name="answer"/>. False with a
        /// <paramref name="reason"/> when the answer cannot be used (RFC 3264 gives no way to refuse
        /// one: the call ends an unusable 2xx answer with BYE).
        /// </summary>
        bool RemoteAnswer(string answer, out string reason);

        /// <summary>Our last offer got no answer: refused (488, 491...), timed out or cancelled. The session stays as agreed before.</summary>
        void OfferRejected();

        /// <summary>An offer that puts the session on hold (sendonly/inactive) or resumes it (sendrecv).</summary>
        string HoldOffer(bool hold);

        /// <summary>What the last completed exchange agreed (codec, remote RTP address, direction, hold both ways), or null.</summary>
        NegotiatedMedia Negotiated { get; }

        /// <summary>The call is over: release ports and streams.</summary>
        void Stop();
    }

    /// <summary>Makes the media side of each new call.</summary>
    public interface ICallMediaFactory
    {
        /// <summary>The media of <paramref name="call"/> (called once, before any body is needed).</summary>
        ICallMedia CreateMedia(SipCall call);
    }
}
