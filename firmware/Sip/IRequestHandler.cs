// A usage that takes new requests of a method (plug-in by registry, STYLE #11).
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;

namespace DeskPhone.Firmware.Sip
{
    /// <summary>Handles requests of the methods it was registered for with <see cref="SipStack.Handle"/>.</summary>
    public interface IRequestHandler
    {
        /// <summary>A new request; answer through <paramref name="transaction"/>.</summary>
        void RequestReceived(ServerTransaction transaction, SipMessage request);
    }
}
