// Ending a call (RFC 3261 §15): hang-up in any state, BYE out and BYE in.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private ClientTransaction _byeTx;
        private int _byeStatus;
        private string _byeReason;
        private bool _byeRemote;

        /// <summary>
        /// The user hung up: CANCEL an unanswered outgoing call, decline (603) a ringing one, BYE a
        /// connected one (the callee waits for the ACK of its 2xx first, §15). False when already ending.
        /// </summary>
        public bool Hangup()
        {
            if (_ended || _state == CallState.Terminating) return false;
            if (Direction == CallDirection.Outgoing && (_state == CallState.Calling || _state == CallState.Proceeding || _state == CallState.Early))
                return Cancel();
            if (Direction == CallDirection.Incoming && (_state == CallState.Idle || _state == CallState.Ringing))
                return Reject(CallDecision.Decline);
            return Bye(200, "hung up", false);
        }

        /// <summary>BYE now, or once the ACK for our first 2xx is in.</summary>
        private bool Bye(int status, string reason, bool remotely)
        {
            if (_state != CallState.Connected) return false;
            if (_ok != null && _okIsInitial)
            {
                _byeAfterAck = true;
                _byeStatus = status;
                _byeReason = reason;
                _byeRemote = remotely;
                SetState(CallState.Terminating);
                return true;
            }
            SendBye(status, reason, remotely);
            return true;
        }

        /// <summary>Sends BYE in the dialog; the call ends with <paramref name="status"/>/<paramref name="reason"/> when it is answered or times out.</summary>
        private void SendBye(int status, string reason, bool remotely)
        {
            _byeStatus = status;
            _byeReason = reason;
            _byeRemote = remotely;
            StopOkRetransmission();
            if (Dialog == null || _byeTx != null)
            {
                if (_byeTx == null) End(status, reason, remotely);
                return;
            }
            SipMessage bye = Dialog.CreateRequest(SipMethods.Bye);
            bye.SetHeader(SipHeaderNames.UserAgent, _stack.Settings.UserAgent);
            bye.SetHeader(SipHeaderNames.ContentLength, "0");
            StampAppearance(bye, null); // CallAppearance.cs
            _byeTx = SendInDialog(bye);
            if (_byeTx == null)
            {
                End(status, reason, remotely);
                return;
            }
            Log(LogLevel.Info, "BYE sent (" + reason + ")");
            SetState(CallState.Terminating);
        }

        private void OnByeResponse(ClientTransaction transaction, SipMessage response)
        {
            if (transaction != _byeTx || response.StatusCode < 200) return;
            End(_byeStatus, _byeReason, _byeRemote);
        }

        /// <summary>The far end hung up: 200 to the BYE (and 487 to an INVITE we had not answered).</summary>
        internal void OnBye(ServerTransaction transaction, SipMessage bye)
        {
            transaction.Respond(ByeOk(bye)); // CallAppearance.cs: 200, with Call-Info on a shared appearance
            if (_inviteServer != null && !_inviteServer.IsAnswered) _inviteServer.Respond(Response(_incomingInvite, 487));
            if (_byeTx != null)
            {
                End(_byeStatus, _byeReason, _byeRemote); // the BYEs crossed
                return;
            }
            string reason = "remote hang-up";
            SipHeaderValue why = SipHeaderValue.Parse(bye.GetHeader("Reason"));
            string text = why == null ? null : why.Parameters.GetUnquoted("text");
            if (text != null && text.Length > 0) reason = reason + " (" + text + ")";
            End(200, reason, true);
        }
    }
}
