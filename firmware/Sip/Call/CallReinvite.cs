// Re-INVITE both ways (RFC 3261 §14): hold, resume and codec changes; the SDP is only a body here.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Auth;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private ClientTransaction _reinviteTx;
        private string _reinviteBody;
        private bool _pendingHold;
        private int _reinviteKind;
        private string _reinviteAuthName;
        private string _reinviteAuthValue;
        private bool _reinviteAuthTried;
        private LoopTimer _reinviteRetry;

        /// <summary>True while a re-INVITE of ours is on its way (or waits to be retried after 491).</summary>
        public bool ReinvitePending { get { return _reinviteTx != null || _reinviteRetry != null; } }

        /// <summary>Puts the call on hold with the media's hold offer. False unless Connected with no re-INVITE in progress.</summary>
        public bool Hold()
        {
            return CanReinvite() && StartReinvite(KindHold);
        }

        /// <summary>Takes the call off hold.</summary>
        public bool Resume()
        {
            return CanReinvite() && StartReinvite(KindResume);
        }

        /// <summary>Offers the session again (codec change, new address) keeping the hold state.</summary>
        public bool Reoffer()
        {
            return CanReinvite() && StartReinvite(KindReoffer);
        }

        private const int KindReoffer = 0;
        private const int KindHold = 1;
        private const int KindResume = 2;

        /// <summary>The media's offer for a re-INVITE of <paramref name="kind"/>, made anew for each attempt after 491.</summary>
        private string ReinviteOffer(int kind)
        {
            if (kind == KindHold || kind == KindHoldPrivate) return Media.HoldOffer(true);
            if (kind == KindResume) return Media.HoldOffer(false);
            return Media.CreateOffer();
        }

        private bool CanReinvite()
        {
            return _state == CallState.Connected && _reinviteTx == null && _reinviteRetry == null && _ok == null;
        }

        private bool StartReinvite(int kind)
        {
            _reinviteKind = kind;
            _reinviteBody = ReinviteOffer(kind);
            _pendingHold = kind == KindHold || kind == KindHoldPrivate || (kind == KindReoffer && LocalHold);
            _reinviteAuthName = null;
            _reinviteAuthTried = false;
            SendReinvite();
            return _reinviteTx != null;
        }

        private void SendReinvite()
        {
            SipMessage r = Dialog.CreateRequest(SipMethods.Invite);
            AddCapabilities(r, true);
            StampAppearance(r, AppearanceStateFor(_reinviteKind)); // CallAppearance.cs: held, held-private or active
            if (_reinviteAuthName != null) r.AddHeader(_reinviteAuthName, _reinviteAuthValue);
            SetSdp(r, _reinviteBody);
            _reinviteTx = SendInDialog(r);
            Log(LogLevel.Info, "re-INVITE sent (" + (_pendingHold ? "hold" : "active") + ")");
        }

        private void OnReinviteResponse(ClientTransaction transaction, SipMessage response)
        {
            int code = response.StatusCode;
            if (code < 200) return;
            if (code < 300)
            {
                SipMessage again = _acks[Dialog.RemoteTag + "|" + response.CSeqNumber.ToString()] as SipMessage;
                if (again != null) { SendAck(again); return; }
                if (transaction != _reinviteTx) return;
                _reinviteTx = null;
                Dialog.RefreshTarget(response);
                SipMessage ack = Dialog.CreateAck(response.CSeqNumber);
                if (_reinviteAuthName != null) ack.AddHeader(_reinviteAuthName, _reinviteAuthValue);
                ack.SetHeader(SipHeaderNames.ContentLength, "0");
                _acks[Dialog.RemoteTag + "|" + response.CSeqNumber.ToString()] = ack;
                SendAck(ack);
                ack.Compact(); // kept, for a retransmitted 2xx
                string body = BodyOf(response);
                string why = "no SDP answer in the 2xx";
                if (body == null) Media.OfferRejected();
                if (body != null && Media.RemoteAnswer(body, out why)) { LocalHold = _pendingHold; SettleHoldKind(); } // CallAppearance.cs: a private hold
                else Log(LogLevel.Warning, "unusable answer to our re-INVITE, the session stays as it was: " + why);
                Listener.CallUpdated(this);
                return;
            }
            if (transaction != _reinviteTx) return;
            _reinviteTx = null;
            if ((code == 401 || code == 407) && !_reinviteAuthTried && ReinviteCredentials(response, transaction.Request.RequestUriText))
            {
                SendReinvite();
                return;
            }
            if (code == 491)
            {
                // §14.1: the Call-ID's owner waits 2.1-4 s, the other side 0-2 s, then tries again.
                int wait = Dialog.IsUac ? 2100 + _stack.Random.Next(1901) : _stack.Random.Next(2001);
                Log(LogLevel.Info, "re-INVITE glare (491): trying again in " + wait.ToString() + " ms");
                Media.OfferRejected(); // the far end may re-INVITE us meanwhile; our retry offers anew
                _reinviteRetry = StartTimer(wait, RetryReinvite);
                return;
            }
            ReinviteFailed(code, ReasonFor(code, response.ReasonPhrase));
        }

        private void RetryReinvite()
        {
            _reinviteRetry = null;
            if (_state != CallState.Connected) return;
            _reinviteBody = ReinviteOffer(_reinviteKind);
            _reinviteAuthName = null;
            _reinviteAuthTried = false;
            SendReinvite();
        }

        /// <summary>A refused re-INVITE leaves the session as it was; 481 and 408 mean the dialog is gone (§14.1).</summary>
        private void ReinviteFailed(int status, string reason)
        {
            _reinviteTx = null;
            Media.OfferRejected();
            Log(LogLevel.Warning, "re-INVITE failed: " + reason);
            if (status == 481) { End(481, "the far end lost the call", true); return; }
            if (status == 408) { SendBye(408, "no answer to re-INVITE", true); return; }
            Listener.CallUpdated(this);
        }

        private bool ReinviteCredentials(SipMessage response, string uri)
        {
            bool proxy = response.StatusCode == 407;
            DigestChallenge challenge;
            string why;
            if (!DigestChallenge.TryPickBest(proxy ? response.ProxyAuthenticate : response.WwwAuthenticate, null, out challenge, out why)) return false;
            _reinviteAuthTried = true;
            _reinviteAuthName = DigestHeaders.AnswerHeaderFor(proxy ? DigestHeaders.ProxyAuthenticate : DigestHeaders.WwwAuthenticate);
            _reinviteAuthValue = DigestAuthenticator.HeaderValue(challenge, SipMethods.Invite, uri, AuthUser(),
                Account.Password == null ? "" : Account.Password, _stack.Transactions.RandomHex(16), _nonces.Next(challenge.Nonce));
            return true;
        }

        /// <summary>
        /// The far end re-INVITEs (§14.2): 491 while ours is in progress, 500 with Retry-After while
        /// our last 2xx waits for its ACK, 488 when the offer is refused (the session stays), else 200
        /// with the answer (or an offer, when theirs had no body), retransmitted until the ACK.
        /// </summary>
        internal void OnReinvite(ServerTransaction transaction, SipMessage request)
        {
            if (_state == CallState.Terminating || _ended) { transaction.Respond(481); return; }
            if (_reinviteTx != null) { transaction.Respond(491); return; }
            if (_state != CallState.Connected || _ok != null)
            {
                SipMessage busy = SipMessage.CreateResponse(request, 500, "Previous INVITE not finished");
                busy.AddHeader(SipHeaderNames.RetryAfter, _stack.Random.Next(11).ToString());
                transaction.Respond(busy);
                return;
            }
            Dialog.RefreshTarget(request);
            string offer = BodyOf(request);
            string body;
            if (offer != null)
            {
                int status;
                string why;
                body = Media.AnswerFor(offer, out status, out why);
                if (body == null)
                {
                    status = RefusalStatus(status);
                    Log(LogLevel.Info, "re-INVITE offer refused with " + status.ToString() + ": " + why);
                    transaction.Respond(Refusal(request, status, why));
                    return;
                }
                _offerInOk = false;
            }
            else
            {
                body = Media.CreateOffer();
                _offerInOk = true;
            }
            SipMessage ok = Response(request, 200);
            AddCapabilities(ok, false);
            SetSdp(ok, body);
            transaction.Respond(ok);
            StartOkRetransmission(ok, transaction.Peer, false);
            Log(LogLevel.Info, "re-INVITE from the far end answered");
            Listener.CallUpdated(this);
        }
    }
}
