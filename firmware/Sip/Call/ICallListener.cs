// Upward events of the call usage: what the phone application implements.
namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>Hears about calls. Every method runs on the phone's loop.</summary>
    public interface ICallListener
    {
        /// <summary>
        /// A new INVITE for <see cref="SipCall.Account"/> from <see cref="SipCall.RemoteParty"/> to
        /// <see cref="SipCall.LocalParty"/>. Return <see cref="CallDecision.Ring"/> to ring (then
        /// <see cref="SipCall.Answer"/>), <see cref="CallDecision.Answer"/> to answer at once, or a
        /// 3xx-6xx status to refuse (486 when busy and call waiting is off, 480 for DND, 603).
        /// </summary>
        int IncomingCall(SipCall call);

        /// <summary>The call moved from <paramref name="previous"/> to <see cref="SipCall.State"/>.</summary>
        void CallStateChanged(SipCall call, CallState previous);

        /// <summary>A re-INVITE finished, from either side (hold, resume, codec change).</summary>
        void CallUpdated(SipCall call);

        /// <summary>The call ended; <see cref="SipCall.EndStatus"/>, <see cref="SipCall.EndReason"/> and <see cref="SipCall.EndedRemotely"/> say how.</summary>
        void CallEnded(SipCall call);

        /// <summary>
        /// The peer asks us (REFER, RFC 3515) to call <paramref name="referTo"/> (it may carry
        /// ?Replaces=...). Place the call with <see cref="CallManager.Connect"/> and return it (its
        /// progress goes back to the peer as NOTIFYs), or return null to decline (603).
        /// </summary>
        SipCall TransferRequested(SipCall call, string referTo);

        /// <summary>
        /// Our REFER on <paramref name="call"/> progressed: 202 when accepted, then the statuses the
        /// transferee reports (100, 180, 200...), or the failure that ended it.
        /// </summary>
        void TransferProgress(SipCall call, int status);

        /// <summary>An INVITE with Replaces (RFC 3891) takes over <paramref name="replaced"/>; <paramref name="replacement"/> is answered at once.</summary>
        void CallReplaced(SipCall replaced, SipCall replacement);

        /// <summary>
        /// The far end sent <paramref name="digit"/> ('0'-'9', '*', '#', 'A'-'D') in a SIP INFO
        /// (application/dtmf-relay or application/dtmf); the INFO is already answered 200. Digits sent
        /// as RTP telephone-events come from the media side, not through here.
        /// </summary>
        void DtmfReceived(SipCall call, char digit);
    }
}
