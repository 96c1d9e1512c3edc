// RFC 3261 §17.2.1 with RFC 6026: the INVITE server transaction.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>
    /// Proceeding → Accepted (2xx, RFC 6026; Timer L) or Completed (3xx-6xx; Timer G retransmits
    /// over UDP, Timer H waits for the ACK) → Confirmed (ACK; Timer I) → Terminated. A 100 Trying
    /// goes out by itself if the TU has said nothing within 200 ms.
    /// </summary>
    public sealed class InviteServerTransaction : ServerTransaction
    {
        private LoopTimer _trying;
        private LoopTimer _timerG;
        private LoopTimer _timerH;
        private LoopTimer _timerI;
        private LoopTimer _timerL;
        private int _intervalG;

        internal InviteServerTransaction(TransactionLayer layer, SipMessage request, SipTarget responseTarget, string key)
            : base(layer, request, responseTarget, key, TransactionState.Proceeding)
        {
            _trying = Start(layer.Timers.TryingDelay, SendTrying);
        }

        /// <summary>True once a CANCEL for it arrived.</summary>
        public bool Cancelled { get; internal set; }

        /// <inheritdoc/>
        public override void Respond(SipMessage response)
        {
            int code = response.StatusCode;
            _trying = Stop(_trying);
            if (State == TransactionState.Accepted && code >= 200 && code < 300)
            {
                SendResponseNow(response); // the TU retransmits its 2xx (RFC 3261 §13.3.1.4)
                return;
            }
            if (State != TransactionState.Proceeding) return;
            LastResponse = response;
            if (!SendResponseNow(response)) return;
            if (code < 200) return;
            if (code < 300)
            {
                SetState(TransactionState.Accepted);
                _timerL = Start(Layer.Timers.L, OnTimerL);
                Answered();
                return;
            }
            SetState(TransactionState.Completed);
            if (!Peer.IsReliable)
            {
                _intervalG = Layer.Timers.G;
                _timerG = Start(_intervalG, OnTimerG);
            }
            _timerH = Start(Layer.Timers.H, OnTimerH);
            Answered();
        }

        internal override void OnRetransmission(SipMessage request)
        {
            if ((State == TransactionState.Proceeding || State == TransactionState.Completed) && LastResponse != null)
                SendResponseNow(LastResponse);
        }

        /// <summary>An ACK matched this transaction. Returns true when it was the ACK for a 2xx (for the TU).</summary>
        internal bool OnAck(SipMessage ack)
        {
            if (State == TransactionState.Accepted) return true;
            if (State != TransactionState.Completed) return false;
            _timerG = Stop(_timerG);
            _timerH = Stop(_timerH);
            SetState(TransactionState.Confirmed);
            int i = Layer.Timers.I(Peer.IsReliable);
            if (i == 0) SetState(TransactionState.Terminated);
            else _timerI = Start(i, OnTimerI);
            return false;
        }

        private void SendTrying()
        {
            _trying = null;
            if (State != TransactionState.Proceeding || LastResponse != null) return;
            SipMessage trying = SipMessage.CreateResponse(Request, 100, "Trying");
            LastResponse = trying;
            SendResponseNow(trying);
        }

        private void OnTimerG()
        {
            _timerG = null;
            if (State != TransactionState.Completed) return;
            if (!SendResponseNow(LastResponse)) return;
            _intervalG = _intervalG * 2 < Layer.Timers.T2 ? _intervalG * 2 : Layer.Timers.T2;
            _timerG = Start(_intervalG, OnTimerG);
        }

        private void OnTimerH()
        {
            _timerH = null;
            if (State != TransactionState.Completed) return;
            SetState(TransactionState.Terminated);
            Layer.User.ServerTransactionFailed(this);
        }

        private void OnTimerI()
        {
            _timerI = null;
            SetState(TransactionState.Terminated);
        }

        private void OnTimerL()
        {
            _timerL = null;
            SetState(TransactionState.Terminated);
        }

        /// <inheritdoc/>
        protected override void StopTimers()
        {
            _trying = Stop(_trying);
            _timerG = Stop(_timerG);
            _timerH = Stop(_timerH);
            _timerI = Stop(_timerI);
            _timerL = Stop(_timerL);
        }
    }
}
