// RFC 3261 §17.1.1 with RFC 6026: the INVITE client transaction.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>
    /// Calling → Proceeding → Accepted (2xx, RFC 6026) or Completed (3xx-6xx, ACK sent here) →
    /// Terminated. Timer A retransmits the INVITE over UDP, doubling; Timer B gives up in Calling;
    /// Timer D absorbs final-response retransmissions; Timer M absorbs 2xx retransmissions, which
    /// are still passed up so the dialog can re-send its ACK.
    /// </summary>
    public sealed class InviteClientTransaction : ClientTransaction
    {
        private LoopTimer _timerA;
        private LoopTimer _timerB;
        private LoopTimer _timerD;
        private LoopTimer _timerM;
        private int _intervalA;
        private SipMessage _ack;
        private bool _cancelWanted;
        private IClientTransactionOwner _cancelOwner;

        internal InviteClientTransaction(TransactionLayer layer, SipMessage request, SipTarget target, string key, IClientTransactionOwner owner)
            : base(layer, request, target, key, TransactionState.Calling, owner)
        {
        }

        /// <summary>The CANCEL's client transaction once one was sent.</summary>
        public ClientTransaction Cancel { get; private set; }

        internal override void Start()
        {
            if (!SendRequestNow()) return;
            if (!Peer.IsReliable)
            {
                _intervalA = Layer.Timers.A;
                _timerA = Start(_intervalA, OnTimerA);
            }
            _timerB = Start(Layer.Timers.B, OnTimerB);
        }

        /// <summary>
        /// Asks for the INVITE to be cancelled (RFC 3261 §9.1): the CANCEL goes out as soon as a
        /// provisional response has arrived; after a final response there is nothing to cancel.
        /// Returns false when it is too late.
        /// </summary>
        public bool RequestCancel(IClientTransactionOwner owner)
        {
            if (State != TransactionState.Calling && State != TransactionState.Proceeding) return false;
            if (Cancel != null || _cancelWanted) return true;
            _cancelOwner = owner;
            if (State == TransactionState.Proceeding) SendCancel();
            else _cancelWanted = true;
            return true;
        }

        internal override void OnResponse(SipMessage response)
        {
            int code = response.StatusCode;
            switch (State)
            {
                case TransactionState.Calling:
                case TransactionState.Proceeding:
                    LastResponse = response;
                    if (code < 200)
                    {
                        _timerA = Stop(_timerA);
                        SetState(TransactionState.Proceeding);
                        if (_cancelWanted) SendCancel();
                        Owner.ResponseReceived(this, response);
                    }
                    else if (code < 300)
                    {
                        StopTimers();
                        SetState(TransactionState.Accepted);
                        _timerM = Start(Layer.Timers.M, OnTimerM);
                        Owner.ResponseReceived(this, response);
                        Settled();
                    }
                    else
                    {
                        StopTimers();
                        SetState(TransactionState.Completed);
                        _ack = Layer.BuildAckForFailure(Request, response);
                        Layer.Sender.Send(_ack, Peer);
                        int d = Layer.Timers.D(Peer.IsReliable);
                        if (d == 0) SetState(TransactionState.Terminated);
                        else _timerD = Start(d, OnTimerD);
                        Owner.ResponseReceived(this, response);
                        Settled();
                        if (_ack != null) _ack.Compact(); // kept for the retransmitted final responses until Timer D
                    }
                    break;
                case TransactionState.Accepted:
                    if (code >= 200 && code < 300) Owner.ResponseReceived(this, response);
                    break;
                case TransactionState.Completed:
                    if (code >= 300 && _ack != null) Layer.Sender.Send(_ack, Peer);
                    break;
            }
        }

        private void SendCancel()
        {
            _cancelWanted = false;
            Cancel = Layer.SendRequest(Layer.BuildCancel(Request), Peer, _cancelOwner);
        }

        private void OnTimerA()
        {
            _timerA = null;
            if (State != TransactionState.Calling) return;
            if (!SendRequestNow()) return;
            _intervalA *= 2;
            _timerA = Start(_intervalA, OnTimerA);
        }

        private void OnTimerB()
        {
            _timerB = null;
            if (State != TransactionState.Calling) return;
            SetState(TransactionState.Terminated);
            Owner.TimedOut(this);
        }

        private void OnTimerD()
        {
            _timerD = null;
            SetState(TransactionState.Terminated);
        }

        private void OnTimerM()
        {
            _timerM = null;
            SetState(TransactionState.Terminated);
        }

        /// <inheritdoc/>
        protected override void Released()
        {
            base.Released();
            _ack = null;
        }

        /// <inheritdoc/>
        protected override void StopTimers()
        {
            _timerA = Stop(_timerA);
            _timerB = Stop(_timerB);
            _timerD = Stop(_timerD);
            _timerM = Stop(_timerM);
        }
    }
}
