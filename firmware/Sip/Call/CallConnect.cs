// Outgoing calls (RFC 3261 §13.2): the INVITE, provisional and early dialogs, the 2xx and its ACK, forks, digest.
using System.Collections;
using DeskPhone.Firmware.Sip.Auth;
using DeskPhone.Firmware.Sip.Dialog;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private readonly Hashtable _early = new Hashtable();   // To tag → early SipDialog
        private readonly Hashtable _acks = new Hashtable();    // "tag|cseq" → the ACK sent for that 2xx
        private readonly NonceCounter _nonces = new NonceCounter();
        private ClientTransaction _inviteTx;
        private SipMessage _invite;
        private string _requestUri;
        private string _extraName;
        private string _extraValue;
        private string _offer;
        private string _lastAnswer;
        private string _confirmedTag;
        private string _authName;
        private string _authValue;
        private bool _authTried;

        /// <summary>The INVITE we sent last (the one a 2xx confirms), or null for incoming calls.</summary>
        public SipMessage OutgoingInvite { get { return _invite; } }

        internal void StartOutgoing(string target)
        {
            CallId = _stack.NewCallId();
            LocalTag = _stack.NewTag();
            string display = Account.DisplayName;
            LocalParty = SipNameAddr.Parse(SipText.NameAddr(display, Account.AddressOfRecord));
            if (_appearance != null && _appearance.Identity != null) LocalParty = SipNameAddr.Parse(_appearance.Identity); // CallAppearance.cs: as the line's owner
            string text = NormalizeTarget(target);
            SipUri uri;
            string why;
            if (text == null || !SipUri.TryParse(text, out uri, out why))
            {
                RemoteParty = SipNameAddr.Parse("<sip:invalid@" + Account.Domain + ">");
                End(484, "bad address " + target, false);
                return;
            }
            for (int i = 0; i < uri.HeaderCount; i++)
            {
                if (!SipText.EqualsIgnoreCase(uri.HeaderName(i), SipHeaderNames.Replaces)) continue;
                _extraName = SipHeaderNames.Replaces;
                _extraValue = SipUri.Unescape(uri.HeaderValue(i));
            }
            int q = text.IndexOf('?');
            _requestUri = q < 0 ? text : text.Substring(0, q);
            RemoteParty = SipNameAddr.Parse("<" + _requestUri + ">");
            _offer = Media.CreateOffer();
            if (_offer == null)
            {
                End(503, "no media resources (no RTP port free)", false);
                return;
            }
            Log(LogLevel.Info, "calling " + _requestUri);
            SendInvite(1);
        }

        private string NormalizeTarget(string target)
        {
            if (target == null) return null;
            string t = target.Trim();
            if (t.Length == 0) return null;
            if (HasScheme(t, "sip:") || HasScheme(t, "sips:")) return t;
            if (t.IndexOf('@') > 0) return "sip:" + t;
            return "sip:" + t + "@" + Account.Domain;
        }

        private static bool HasScheme(string text, string scheme)
        {
            return text.Length > scheme.Length && SipText.EqualsIgnoreCase(text.Substring(0, scheme.Length), scheme);
        }

        private SipTarget InitialTarget()
        {
            SipTarget t = _manager.TargetOf(Account.OutboundProxy, Account);
            if (t == null) t = _manager.TargetOf(Account.Registrar, Account);
            if (t != null) return t;
            SipUri uri;
            string why;
            return SipUri.TryParse(_requestUri, out uri, out why) ? _manager.TargetOf(uri, Account) : null;
        }

        private void SendInvite(long cseq)
        {
            SipTarget target = InitialTarget();
            SipMessage r = SipMessage.CreateRequest(SipMethods.Invite, _requestUri);
            r.AddHeader(SipHeaderNames.MaxForwards, "70");
            if (Account.OutboundProxy != null) r.AddHeader(SipHeaderNames.Route, "<" + Account.OutboundProxy.ToString() + ">");
            SipNameAddr from = LocalParty.Clone();
            from.Tag = LocalTag;
            r.AddHeader(SipHeaderNames.From, from.ToString());
            r.AddHeader(SipHeaderNames.To, RemoteParty.ToString());
            r.AddHeader(SipHeaderNames.CallId, CallId);
            r.AddHeader(SipHeaderNames.CSeq, cseq.ToString() + " INVITE");
            r.AddHeader(SipHeaderNames.Contact, ContactFor(target == null ? "UDP" : target.Transport));
            AddCapabilities(r, true);
            StampAppearance(r, null); // CallAppearance.cs: Call-Info naming the shared appearance
            if (_extraName != null) r.AddHeader(_extraName, _extraValue);
            if (_authName != null) r.AddHeader(_authName, _authValue);
            SetSdp(r, _offer);
            _invite = r;
            _inviteTx = Send(r, target);
            if (_inviteTx == null) End(503, "no route to " + _requestUri + " (set a registrar or proxy by address)", false);
        }

        private void OnInviteResponse(SipMessage response)
        {
            int code = response.StatusCode;
            if (code < 200) OnProvisional(response);
            else if (code < 300) OnInvite2xx(response);
            else OnInviteFailure(response);
        }

        private void OnProvisional(SipMessage response)
        {
            if (_ended || _confirmedTag != null) return;
            int code = response.StatusCode;
            string tag = response.ToTag;
            if (code == 100 || tag == null)
            {
                if (_state == CallState.Calling) SetState(CallState.Proceeding);
                return;
            }
            LastProvisional = code;
            SipDialog early = _early[tag] as SipDialog;
            if (early == null)
            {
                early = SipDialog.CreateAsUac(_invite, response, _inviteTx.Peer.Transport == "TLS");
                early.LocalContact = _invite.GetHeader(SipHeaderNames.Contact);
                _early[tag] = early;
                SetDialog(early);
            }
            else early.RefreshTarget(response);
            string why;
            if (!TakeAnswer(response, out why)) Log(LogLevel.Warning, "unusable answer in the " + code.ToString() + ": " + why);
            if (_state == CallState.Calling || _state == CallState.Proceeding) SetState(CallState.Early);
        }

        private void OnInvite2xx(SipMessage response)
        {
            string tag = response.ToTag == null ? "" : response.ToTag;
            SipMessage ack = _acks[tag + "|" + response.CSeqNumber.ToString()] as SipMessage;
            if (ack != null)
            {
                SendAck(ack); // a retransmitted 2xx: the ACK again (§13.2.2.4)
                return;
            }
            if (_confirmedTag != null || _ended)
            {
                DropFork(response);
                return;
            }
            _confirmedTag = tag;
            _offer = null; // no INVITE of this call is sent again
            SipDialog dialog = _early[tag] as SipDialog;
            if (dialog == null)
            {
                dialog = SipDialog.CreateAsUac(_invite, response, _inviteTx.Peer.Transport == "TLS");
                dialog.LocalContact = _invite.GetHeader(SipHeaderNames.Contact);
                SetDialog(dialog);
            }
            else dialog.Confirm(response);
            _early.Remove(tag);
            foreach (DictionaryEntry e in _early) _manager.Dialogs.Remove((SipDialog)e.Value);
            _early.Clear();
            Dialog = dialog;
            ack = AckFor(dialog, response);
            SendAck(ack);
            ack.Compact(); // kept, for a retransmitted 2xx
            string why;
            bool usable = TakeAnswer(response, out why);
            _lastAnswer = null; // later 2xx are ACKed again or dropped as forks, never read for SDP
            if (_hangupWanted)
            {
                SendBye(487, _cancelReason, false); // CANCEL crossed the 2xx: end it with BYE (§9.1)
                return;
            }
            SetState(CallState.Connected);
            if (!usable)
            {
                // RFC 3264 cannot refuse an answer: ACK it (done), then end the call.
                Log(LogLevel.Warning, "unusable answer in the 2xx: " + why);
                SendBye(488, "media not acceptable: " + why, false);
            }
        }

        /// <summary>A 2xx from a fork we did not keep: ACK it, then BYE it (§13.2.2.4).</summary>
        private void DropFork(SipMessage response)
        {
            SipDialog fork = SipDialog.CreateAsUac(_invite, response, false);
            Log(LogLevel.Info, "another fork answered (" + fork.RemoteTag + "): ACK and BYE");
            SipMessage ack = fork.CreateAck(response.CSeqNumber);
            if (_authName != null) ack.AddHeader(_authName, _authValue);
            SipTarget target = TargetFor(fork);
            if (target == null) return;
            ack.PrependHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            _acks[fork.RemoteTag + "|" + response.CSeqNumber.ToString()] = ack;
            _stack.Transport.Send(ack, target);
            ack.Compact();
            SipMessage bye = fork.CreateRequest(SipMethods.Bye);
            bye.SetHeader(SipHeaderNames.ContentLength, "0");
            Send(bye, target);
        }

        /// <summary>The ACK for a 2xx on <paramref name="dialog"/>, with the INVITE's credentials; remembered for retransmissions.</summary>
        private SipMessage AckFor(SipDialog dialog, SipMessage response)
        {
            SipMessage ack = dialog.CreateAck(response.CSeqNumber);
            if (_authName != null) ack.AddHeader(_authName, _authValue);
            ack.SetHeader(SipHeaderNames.ContentLength, "0");
            _acks[dialog.RemoteTag + "|" + response.CSeqNumber.ToString()] = ack;
            return ack;
        }

        /// <summary>A 2xx retransmission after the transaction ended (Timer M): the ACK again, or a late fork dropped.</summary>
        internal void OnStray2xx(SipMessage response)
        {
            string tag = response.ToTag == null ? "" : response.ToTag;
            SipMessage ack = _acks[tag + "|" + response.CSeqNumber.ToString()] as SipMessage;
            if (ack != null) { SendAck(ack); return; }
            if (_invite != null && response.CSeqNumber == _invite.CSeqNumber) DropFork(response);
        }

        /// <summary>Hands a new SDP answer in a 1xx/2xx to the media; false (and why) when it cannot be used. No body or the same one again is fine.</summary>
        private bool TakeAnswer(SipMessage response, out string why)
        {
            why = null;
            string body = BodyOf(response);
            if (body == null)
            {
                if (response.StatusCode < 300 && response.StatusCode >= 200 && _lastAnswer == null)
                {
                    why = "no SDP answer in the 2xx";
                    Media.OfferRejected();
                    return false;
                }
                return true;
            }
            if (body == _lastAnswer) return true;
            _lastAnswer = body;
            return Media.RemoteAnswer(body, out why);
        }

        private void OnInviteFailure(SipMessage response)
        {
            int code = response.StatusCode;
            if (_ended || _confirmedTag != null) return;
            if ((code == 401 || code == 407) && !_authTried && !_hangupWanted && Authenticate(response)) return;
            string reason = code == 401 || code == 407 ? (_authTried ? "wrong password for " + AuthUser() : "cannot authenticate") : ReasonFor(code, response.ReasonPhrase);
            InviteFailed(code, reason);
        }

        private void InviteFailed(int status, string reason)
        {
            if (_hangupWanted) End(status, _cancelReason, false);
            else End(status, reason, true);
        }

        /// <summary>Answers a 401/407 once: the INVITE again with credentials and the next CSeq.</summary>
        private bool Authenticate(SipMessage response)
        {
            bool proxy = response.StatusCode == 407;
            DigestChallenge challenge;
            string why;
            if (!DigestChallenge.TryPickBest(proxy ? response.ProxyAuthenticate : response.WwwAuthenticate, null, out challenge, out why))
            {
                Log(LogLevel.Warning, "cannot answer the challenge: " + why);
                return false;
            }
            _authTried = true;
            int nc = _nonces.Next(challenge.Nonce);
            _authName = DigestHeaders.AnswerHeaderFor(proxy ? DigestHeaders.ProxyAuthenticate : DigestHeaders.WwwAuthenticate);
            _authValue = DigestAuthenticator.HeaderValue(challenge, SipMethods.Invite, _requestUri, AuthUser(),
                Account.Password == null ? "" : Account.Password, _stack.Transactions.RandomHex(16), nc);
            foreach (DictionaryEntry e in _early) _manager.Dialogs.Remove((SipDialog)e.Value);
            _early.Clear();
            Log(LogLevel.Info, "challenged with " + response.StatusCode.ToString() + ", sending the INVITE again with credentials");
            SendInvite(_invite.CSeqNumber + 1);
            return true;
        }

        private string AuthUser()
        {
            return Account.AuthUser != null && Account.AuthUser.Length > 0 ? Account.AuthUser : Account.User;
        }
    }
}
