// RFC 3261 §17.1.2: the non-INVITE client transaction.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>
    /// Trying → Proceeding → Completed → Terminated. Timer E retransmits over UDP (doubling to T2,
    /// then every T2 once a provisional came); Timer F gives up; Timer K absorbs retransmitted finals.
    /// </summary>
    public sealed class NonInviteClientTransaction : ClientTransaction
    {
        private LoopTimer _timerE;
        private LoopTimer _timerF;
        private LoopTimer _timerK;
        private int _intervalE;

        internal NonInviteClientTransaction(TransactionLayer layer, SipMessage request, SipTarget target, string key, IClientTransactionOwner owner)
            : base(layer, request, target, key, TransactionState.Trying, owner)
        {
        }

        internal override void Start()
        {
            if (!SendRequestNow()) return;
            if (!Peer.IsReliable)
            {
                _intervalE = Layer.Timers.E;
                _timerE = Start(_intervalE, OnTimerE);
            }
            _timerF = Start(Layer.Timers.F, OnTimerF);
        }

        internal override void OnResponse(SipMessage response)
        {
            if (State != TransactionState.Trying && State != TransactionState.Proceeding) return;
            LastResponse = response;
            if (response.StatusCode < 200)
            {
                SetState(TransactionState.Proceeding);
                Owner.ResponseReceived(this, response);
                return;
            }
            _timerE = Stop(_timerE);
            _timerF = Stop(_timerF);
            SetState(TransactionState.Completed);
            int k = Layer.Timers.K(Peer.IsReliable);
            if (k == 0) SetState(TransactionState.Terminated);
            else _timerK = Start(k, OnTimerK);
            Owner.ResponseReceived(this, response);
            Settled();
        }

        private void OnTimerE()
        {
            _timerE = null;
            if (State != TransactionState.Trying && State != TransactionState.Proceeding) return;
            if (!SendRequestNow()) return;
            _intervalE = State == TransactionState.Proceeding ? Layer.Timers.T2 : Min(2 * _intervalE, Layer.Timers.T2);
            _timerE = Start(_intervalE, OnTimerE);
        }

        private void OnTimerF()
        {
            _timerF = null;
            if (State != TransactionState.Trying && State != TransactionState.Proceeding) return;
            SetState(TransactionState.Terminated);
            Owner.TimedOut(this);
        }

        private void OnTimerK()
        {
            _timerK = null;
            SetState(TransactionState.Terminated);
        }

        private static int Min(int a, int b) { return a < b ? a : b; }

        /// <inheritdoc/>
        protected override void StopTimers()
        {
            _timerE = Stop(_timerE);
            _timerF = Stop(_timerF);
            _timerK = Stop(_timerK);
        }
    }
}
