// The client side of a transaction: sends the request, reports responses to its owner.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>A client transaction (RFC 3261 §17.1). Created by <see cref="TransactionLayer.SendRequest"/>.</summary>
    public abstract class ClientTransaction : Transaction
    {
        internal ClientTransaction(TransactionLayer layer, SipMessage request, SipTarget target, string key, TransactionState initial, IClientTransactionOwner owner)
            : base(layer, request, target, key, initial)
        {
            Owner = owner;
        }

        /// <summary>Who hears about responses.</summary>
        public IClientTransactionOwner Owner { get; private set; }

        /// <summary>The last response received, or null (let go once terminated: the owner was given it).</summary>
        public SipMessage LastResponse { get; protected set; }

        /// <summary>
        /// The final response came and the owner has seen it: from now on only the wire form of the
        /// request and the response matters (to match retransmissions, or to build nothing more), so
        /// both are compacted (<see cref="SipMessage.Compact"/>); the owner keeps reading them as before.
        /// </summary>
        protected void Settled()
        {
            Request.Compact();
            if (LastResponse != null) LastResponse.Compact();
        }

        /// <inheritdoc/>
        protected override void Released()
        {
            LastResponse = null;
        }

        private bool _starting; // inside Begin: the owner has not been handed this transaction yet

        /// <summary>Sends the request for the first time and starts the timers.</summary>
        internal abstract void Start();

        /// <summary>
        /// Starts the transaction for <see cref="TransactionLayer.SendRequest"/>. A transport that refuses
        /// the first send is reported to the owner from the loop, after SendRequest has returned: the
        /// owner then knows the transaction it is told about (it could not, inside the call).
        /// </summary>
        internal void Begin()
        {
            _starting = true;
            Start();
            _starting = false;
        }

        /// <summary>A response matched this transaction.</summary>
        internal abstract void OnResponse(SipMessage response);

        /// <summary>The stream under the transaction broke: it ends and the owner hears of it.</summary>
        internal void FailTransport()
        {
            if (IsTerminated) return;
            SetState(TransactionState.Terminated);
            Owner.TransportFailed(this);
        }

        /// <summary>Sends the request (first time or retransmission); on failure the transaction ends.</summary>
        protected bool SendRequestNow()
        {
            if (Layer.Sender.Send(Request, Peer)) return true;
            SetState(TransactionState.Terminated);
            if (_starting) Layer.Loop.Post(ReportTransportFailure);
            else Owner.TransportFailed(this);
            return false;
        }

        private void ReportTransportFailure()
        {
            Owner.TransportFailed(this);
        }
    }
}
