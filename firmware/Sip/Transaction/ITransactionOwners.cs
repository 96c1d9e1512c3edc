// How transactions report upward: to whoever started a client transaction, and to the TU for new requests.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>The owner of a client transaction (a registration, a call...).</summary>
    public interface IClientTransactionOwner
    {
        /// <summary>A response (provisional or final; for INVITE, every 2xx including retransmissions).</summary>
        void ResponseReceived(ClientTransaction transaction, SipMessage response);

        /// <summary>Timer B or F fired: no final response came (act as if 408).</summary>
        void TimedOut(ClientTransaction transaction);

        /// <summary>The transport could not send the request (act as if 503).</summary>
        void TransportFailed(ClientTransaction transaction);
    }

    /// <summary>The transaction user: receives requests that start new server transactions.</summary>
    public interface ITransactionUser
    {
        /// <summary>A new request (not ACK). Answer through <paramref name="transaction"/>.</summary>
        void RequestReceived(ServerTransaction transaction, SipMessage request);

        /// <summary>An ACK that matches no transaction: the ACK for a 2xx, for the dialog layer.</summary>
        void AckReceived(SipMessage ack);

        /// <summary>A CANCEL matched a pending INVITE server transaction (a 200 to the CANCEL was sent already).</summary>
        void CancelReceived(ServerTransaction invite, SipMessage cancel);

        /// <summary>A response that matches no client transaction (a late 2xx retransmission, for the dialog layer).</summary>
        void StrayResponse(SipMessage response);

        /// <summary>A server transaction gave up: Timer H fired without an ACK, or its response could not be sent.</summary>
        void ServerTransactionFailed(ServerTransaction transaction);

        /// <summary>A stream to <paramref name="peer"/> broke (RFC 5626 §4.4): registrations over it must be renewed.</summary>
        void FlowFailed(SipTarget peer, string reason);
    }
}
