// What a call needs from the media side: SDP bodies in, SDP bodies out. The SDP itself is not read here.
namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// The session description side of one call (RFC 3264 offer/answer). The call layer only moves
    /// bodies: it never reads them. Tests plug a fake with canned text.
    /// </summary>
    public interface ICallMedia
    {
        /// <summary>An offer for a new session or a codec change (sendrecv, or as held when held).</summary>
        string CreateOffer();

        /// <summary>The answer to the peer's <paramref name="offer"/>, or null when nothing in it is acceptable (488).</summary>
        string AnswerFor(string offer);

        /// <summary>The peer answered our last offer with <paramref name="answer"/>.</summary>
        void RemoteAnswer(string answer);

        /// <summary>An offer that puts the session on hold (sendonly/inactive) or resumes it (sendrecv).</summary>
        string HoldOffer(bool hold);

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
