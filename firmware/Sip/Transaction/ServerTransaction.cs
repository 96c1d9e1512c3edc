// The server side of a transaction: the TU answers through it.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>A server transaction (RFC 3261 §17.2). The TU answers with <see cref="Respond"/>.</summary>
    public abstract class ServerTransaction : Transaction
    {
        internal ServerTransaction(TransactionLayer layer, SipMessage request, SipTarget responseTarget, string key, TransactionState initial)
            : base(layer, request, responseTarget, key, initial)
        {
        }

        /// <summary>The last response sent, or null.</summary>
        public SipMessage LastResponse { get; protected set; }

        /// <summary>True once a final response was sent.</summary>
        public bool IsAnswered { get { return LastResponse != null && LastResponse.StatusCode >= 200; } }

        /// <summary>Sends <paramref name="response"/> (built with SipMessage.CreateResponse from <see cref="Transaction.Request"/>).</summary>
        public abstract void Respond(SipMessage response);

        /// <summary>Builds and sends a response with <paramref name="code"/> and the default reason; returns it.</summary>
        public SipMessage Respond(int code)
        {
            SipMessage r = SipMessage.CreateResponse(Request, code, SipStatus.DefaultReason(code));
            Respond(r);
            return r;
        }

        /// <summary>The request arrived again (a retransmission).</summary>
        internal abstract void OnRetransmission(SipMessage request);

        /// <summary>Sends a response; on failure the transaction ends and the TU hears of it.</summary>
        protected bool SendResponseNow(SipMessage response)
        {
            if (Layer.Sender.Send(response, Peer)) return true;
            SetState(TransactionState.Terminated);
            Layer.User.ServerTransactionFailed(this);
            return false;
        }
    }
}
