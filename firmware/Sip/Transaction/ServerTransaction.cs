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

        private bool _delivering;
        private bool _settled;
        private bool _answered; // kept when the last response is let go

        /// <summary>The last response sent, or null (let go once terminated).</summary>
        public SipMessage LastResponse { get; protected set; }

        /// <summary>True once a final response was sent.</summary>
        public bool IsAnswered { get { return _answered || (LastResponse != null && LastResponse.StatusCode >= 200); } }

        /// <summary>Sends <paramref name="response"/> (built with SipMessage.CreateResponse from <see cref="Transaction.Request"/>).</summary>
        public abstract void Respond(SipMessage response);

        /// <summary>Builds and sends a response with <paramref name="code"/> and the default reason; returns it.</summary>
        public SipMessage Respond(int code)
        {
            SipMessage r = SipMessage.CreateResponse(Request, code, SipStatus.DefaultReason(code));
            Respond(r);
            return r;
        }

        /// <summary>The layer hands the request to its user: a final response sent meanwhile is compacted once the user returns (<see cref="Delivered"/>).</summary>
        internal void Delivering()
        {
            _delivering = true;
        }

        /// <summary>The user has returned from the request.</summary>
        internal void Delivered()
        {
            _delivering = false;
            if (IsAnswered) Settle();
        }

        /// <summary>
        /// A final response went out: from now on only the wire form of the request and the response
        /// matters (retransmissions of the response), so both are compacted
        /// (<see cref="SipMessage.Compact"/>), at once or when the user returns from the request.
        /// </summary>
        protected void Answered()
        {
            if (!_delivering) Settle();
        }

        private void Settle()
        {
            if (_settled) return;
            _settled = true;
            Request.Compact();
            if (LastResponse != null) LastResponse.Compact();
        }

        /// <inheritdoc/>
        protected override void Released()
        {
            _answered = IsAnswered;
            LastResponse = null;
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
