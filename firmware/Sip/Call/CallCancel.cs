// Cancelling our own INVITE (RFC 3261 §9.1): CANCEL after a provisional, 487 expected, BYE if a 2xx crosses it.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private bool _hangupWanted;
        private string _cancelReason;
        private LoopTimer _cancelGuard;

        /// <summary>
        /// Cancels an outgoing call that has not been answered. The transaction sends the CANCEL as
        /// soon as a provisional response has arrived; the 487 that follows ends the call (the
        /// transaction ACKs it). A 2xx that crosses the CANCEL is ACKed and ended with BYE. If the far
        /// end never answers, the call ends after 64·T1 anyway. False when there is nothing to cancel.
        /// </summary>
        public bool Cancel()
        {
            return Cancel("cancelled");
        }

        private bool Cancel(string reason)
        {
            if (Direction != CallDirection.Outgoing || _hangupWanted) return false;
            if (_state != CallState.Calling && _state != CallState.Proceeding && _state != CallState.Early) return false;
            InviteClientTransaction invite = _inviteTx as InviteClientTransaction;
            if (invite == null || !invite.RequestCancel(this)) return false;
            _hangupWanted = true;
            _cancelReason = reason;
            Log(LogLevel.Info, "cancelling (" + reason + ")");
            SetState(CallState.Terminating);
            _cancelGuard = StartTimer(64 * Timers.T1, CancelNeverAnswered);
            return true;
        }

        private void CancelNeverAnswered()
        {
            _cancelGuard = null;
            Log(LogLevel.Warning, "no final response 64*T1 after CANCEL: giving up the INVITE");
            End(487, _cancelReason, false);
        }
    }
}
