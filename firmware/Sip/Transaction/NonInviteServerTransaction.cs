// RFC 3261 §17.2.2: the non-INVITE server transaction.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>
    /// Trying → Proceeding → Completed → Terminated. Retransmitted requests get the last response
    /// again; Timer J keeps the transaction long enough to absorb them over UDP.
    /// </summary>
    public sealed class NonInviteServerTransaction : ServerTransaction
    {
        private LoopTimer _timerJ;

        internal NonInviteServerTransaction(TransactionLayer layer, SipMessage request, SipTarget responseTarget, string key)
            : base(layer, request, responseTarget, key, TransactionState.Trying)
        {
        }

        /// <inheritdoc/>
        public override void Respond(SipMessage response)
        {
            if (State != TransactionState.Trying && State != TransactionState.Proceeding) return;
            LastResponse = response;
            if (!SendResponseNow(response)) return;
            if (response.StatusCode < 200)
            {
                SetState(TransactionState.Proceeding);
                return;
            }
            SetState(TransactionState.Completed);
            int j = Layer.Timers.J(Peer.IsReliable);
            if (j == 0) SetState(TransactionState.Terminated);
            else _timerJ = Start(j, OnTimerJ);
            Answered();
        }

        internal override void OnRetransmission(SipMessage request)
        {
            if ((State == TransactionState.Proceeding || State == TransactionState.Completed) && LastResponse != null)
                SendResponseNow(LastResponse);
        }

        private void OnTimerJ()
        {
            _timerJ = null;
            SetState(TransactionState.Terminated);
        }

        /// <inheritdoc/>
        protected override void StopTimers()
        {
            _timerJ = Stop(_timerJ);
        }
    }
}
