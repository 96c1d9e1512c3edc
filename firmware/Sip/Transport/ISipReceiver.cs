// What the transport hands upward.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>Receives parsed, accepted messages from the transport (the transaction layer).</summary>
    public interface ISipReceiver
    {
        /// <summary>A message from <paramref name="source"/>; requests carry received/rport already.</summary>
        void MessageReceived(SipMessage message, SipTarget source);

        /// <summary>A stream to <paramref name="peer"/> failed or stopped answering keep-alives (RFC 5626 §4.4).</summary>
        void FlowFailed(SipTarget peer, string reason);
    }
}
