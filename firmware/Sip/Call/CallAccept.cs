// Incoming calls (RFC 3261 §13.3): ring, answer, reject, and the UAS's own 2xx retransmission until the ACK.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Dialog;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private ServerTransaction _inviteServer;
        private SipMessage _incomingInvite;
        private string _answer;
        private bool _offerInOk;
        private SipMessage _ok;
        private SipTarget _okTarget;
        private bool _okIsInitial;
        private int _okInterval;
        private LoopTimer _okTimer;
        private LoopTimer _okGiveUp;
        private bool _byeAfterAck;

        /// <summary>The INVITE we received, or null for outgoing calls.</summary>
        public SipMessage IncomingInvite { get { return _incomingInvite; } }

        /// <summary>True while our 2xx waits for its ACK (and is retransmitted).</summary>
        public bool AwaitingAck { get { return _ok != null; } }

        internal ServerTransaction InviteServer { get { return _inviteServer; } }

        /// <summary>Takes a new INVITE: the dialog, the offer, then the listener's decision.</summary>
        internal void Receive(ServerTransaction transaction, SipMessage invite)
        {
            if (!Prepare(transaction, invite)) return;
            int decision = Listener.IncomingCall(this);
            if (_ended || _state != CallState.Idle) return; // the listener acted itself
            if (decision == CallDecision.Answer) Answer();
            else if (decision >= 100 && decision < 200) Ring();
            else Reject(decision >= 300 && decision <= 699 ? decision : CallDecision.Busy);
        }

        /// <summary>Makes the UAS dialog and the answer to the offer; false (488 sent, call ended) when the offer is refused.</summary>
        private bool Prepare(ServerTransaction transaction, SipMessage invite)
        {
            _inviteServer = transaction;
            _incomingInvite = invite;
            CallId = invite.CallId;
            LocalTag = _stack.NewTag();
            RemoteParty = invite.From.Clone();
            RemoteParty.Tag = null;
            LocalParty = invite.To.Clone();
            SipDialog dialog = SipDialog.CreateAsUas(invite, LocalTag, transaction.Peer.Transport == "TLS");
            dialog.LocalContact = ContactFor(transaction.Peer.Transport);
            SetDialog(dialog);
            Log(LogLevel.Info, "incoming from " + RemoteParty.ToString() + " to " + LocalParty.UriText);
            string offer = BodyOf(invite);
            if (offer != null)
            {
                int status;
                string why;
                _answer = Media.AnswerFor(offer, out status, out why);
                if (_answer == null)
                {
                    status = RefusalStatus(status);
                    transaction.Respond(Refusal(invite, status, why));
                    End(status, why != null ? "media not acceptable: " + why : ReasonFor(status, SipStatus.DefaultReason(status)), false);
                    return false;
                }
            }
            return true;
        }

        /// <summary>Sends 180 Ringing; the call is Ringing. False unless a new incoming call.</summary>
        public bool Ring()
        {
            if (Direction != CallDirection.Incoming || _state != CallState.Idle) return false;
            _inviteServer.Respond(Response(_incomingInvite, 180));
            LastProvisional = 180;
            SetState(CallState.Ringing);
            return true;
        }

        /// <summary>
        /// Answers with 200 and our answer (or an offer, when the INVITE had none: the answer then
        /// comes in the ACK). The 2xx is retransmitted until the ACK (§13.3.1.4).
        /// </summary>
        public bool Answer()
        {
            if (Direction != CallDirection.Incoming || (_state != CallState.Idle && _state != CallState.Ringing)) return false;
            string body = _answer;
            if (BodyOf(_incomingInvite) == null)
            {
                body = Media.CreateOffer();
                if (body == null) return Reject(503);
                _offerInOk = true;
            }
            SipMessage ok = Response(_incomingInvite, 200);
            AddCapabilities(ok, false);
            StampAppearance(ok, null); // CallAppearance.cs: the appearance this phone takes the call on
            SetSdp(ok, body);
            _answer = null; // sent: the 2xx carries it from now on
            Dialog.Confirm(null);
            _inviteServer.Respond(ok);
            StartOkRetransmission(ok, _inviteServer.Peer, true);
            SetState(CallState.Connected);
            return true;
        }

        /// <summary>Refuses a new or ringing call with <paramref name="status"/> (486, 480, 603...).</summary>
        public bool Reject(int status)
        {
            if (Direction != CallDirection.Incoming || (_state != CallState.Idle && _state != CallState.Ringing)) return false;
            if (status < 300 || status > 699) status = CallDecision.Decline;
            _inviteServer.Respond(Response(_incomingInvite, status));
            End(status, ReasonFor(status, SipStatus.DefaultReason(status)), false);
            return true;
        }

        /// <summary>A response to <paramref name="request"/> with our tag (and Contact for 1xx/2xx).</summary>
        private SipMessage Response(SipMessage request, int code)
        {
            SipMessage r = SipMessage.CreateResponse(request, code, SipStatus.DefaultReason(code), LocalTag);
            if (code > 100 && code < 300)
            {
                // RFC 3261 §12.1.1: a response that makes a dialog carries the request's Record-Route,
                // in order, so the caller's ACK and BYE come back through the proxies.
                string[] rr = request.GetHeaders(SipHeaderNames.RecordRoute);
                for (int i = 0; i < rr.Length; i++) r.AddHeader(SipHeaderNames.RecordRoute, rr[i]);
                r.AddHeader(SipHeaderNames.Contact, Dialog.LocalContact);
            }
            if (code >= 300) r.SetHeader(SipHeaderNames.ContentLength, "0");
            return r;
        }

        /// <summary>488 when the media gave no status, else the media's (400, 491, 503...).</summary>
        private static int RefusalStatus(int status)
        {
            return status >= 300 && status <= 699 ? status : 488;
        }

        /// <summary>
        /// The refusal of an offer: <paramref name="status"/>, and for SDP problems a Warning (RFC 3261
        /// §20.43: 305 Incompatible media format for 488, 399 otherwise) carrying <paramref name="why"/>.
        /// </summary>
        private SipMessage Refusal(SipMessage request, int status, string why)
        {
            SipMessage r = Response(request, status);
            if (why != null && why.Length > 0 && (status == 488 || status == 400))
                r.AddHeader("Warning", (status == 488 ? "305 " : "399 ") + _stack.Transport.LocalAddress + " " + SipText.Quote(why));
            return r;
        }

        /// <summary>The caller cancelled before we answered: 487 to the INVITE (the CANCEL got its 200 already).</summary>
        internal void OnCancel()
        {
            if (_state != CallState.Idle && _state != CallState.Ringing) return;
            _inviteServer.Respond(Response(_incomingInvite, 487));
            End(487, "cancelled by the caller", true);
        }

        /// <summary>An ACK for a 2xx of ours: stop retransmitting, take the answer if our 2xx had the offer.</summary>
        internal void OnAck(SipMessage ack)
        {
            if (_ok == null || ack.CSeqNumber != _ok.CSeqNumber) return;
            StopOkRetransmission();
            if (_offerInOk)
            {
                _offerInOk = false;
                string why;
                if (!TakeAckAnswer(BodyOf(ack), out why))
                {
                    // RFC 3264 cannot refuse an answer: the session cannot work, so it ends.
                    Log(LogLevel.Warning, "unusable answer in the ACK: " + why);
                    _byeAfterAck = false;
                    SendBye(488, "media not acceptable: " + why, false);
                    return;
                }
            }
            if (_byeAfterAck)
            {
                _byeAfterAck = false;
                SendBye(_byeStatus, _byeReason, _byeRemote);
            }
        }

        /// <summary>The answer to the offer in our 2xx; false when there is none or it does not fit.</summary>
        private bool TakeAckAnswer(string body, out string why)
        {
            if (body == null)
            {
                Media.OfferRejected();
                why = "no SDP answer in the ACK";
                return false;
            }
            return Media.RemoteAnswer(body, out why);
        }

        /// <summary>§13.3.1.4: the 2xx again at T1, doubling to T2, until the ACK; after 64·T1 the call ends with BYE.</summary>
        private void StartOkRetransmission(SipMessage ok, SipTarget peer, bool initial)
        {
            StopOkRetransmission();
            _ok = ok;
            _okTarget = peer;
            _okIsInitial = initial;
            _okInterval = Timers.T1;
            _okTimer = StartTimer(_okInterval, RetransmitOk);
            _okGiveUp = StartTimer(64 * Timers.T1, OkNeverAcked);
        }

        private void RetransmitOk()
        {
            _okTimer = null;
            if (_ok == null) return;
            _stack.Transport.Send(_ok, _okTarget);
            _okInterval = _okInterval * 2 < Timers.T2 ? _okInterval * 2 : Timers.T2;
            _okTimer = StartTimer(_okInterval, RetransmitOk);
        }

        private void OkNeverAcked()
        {
            _okGiveUp = null;
            StopOkRetransmission();
            Log(LogLevel.Warning, "no ACK for our 2xx within 64*T1: ending with BYE");
            _byeAfterAck = false;
            SendBye(408, "no ACK from the far end", true);
        }

        private void StopOkRetransmission()
        {
            _okTimer = Stop(_okTimer);
            _okGiveUp = Stop(_okGiveUp);
            _ok = null;
        }
    }
}
