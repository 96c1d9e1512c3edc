// What the transaction layer needs from the transport below it.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>Sends SIP messages. Implemented by the transport layer; faked by transaction tests.</summary>
    public interface ISipSender
    {
        /// <summary>Serialises and sends <paramref name="message"/> to <paramref name="target"/>; false when it could not be sent.</summary>
        bool Send(SipMessage message, SipTarget target);
    }
}
