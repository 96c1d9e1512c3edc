// One call: its state, parties, dialog and the helpers every operation file shares.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;
using DeskPhone.Firmware.Sip.Dialog;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// One call, placed (<see cref="CallManager.Connect"/>) or received. Split by operation:
    /// CallConnect (outgoing INVITE), CallAccept (incoming), CallCancel, CallHangup (BYE both ways),
    /// CallReinvite (hold, resume, codec change), CallTransfer (REFER both ways), CallReplaces
    /// (RFC 3891). Every method runs on the loop.
    /// </summary>
    public sealed partial class SipCall : IClientTransactionOwner
    {
        private readonly CallManager _manager;
        private readonly SipStack _stack;
        private CallState _state;
        private bool _ended;

        internal SipCall(CallManager manager, AccountConfig account, CallDirection direction, int number)
        {
            _manager = manager;
            _stack = manager.Stack;
            Account = account;
            Direction = direction;
            Number = number;
            _state = direction == CallDirection.Outgoing ? CallState.Calling : CallState.Idle;
        }

        /// <summary>A number for logs, counting from 1 per manager.</summary>
        public int Number { get; private set; }

        /// <summary>The account the call is on.</summary>
        public AccountConfig Account { get; private set; }

        /// <summary>Who placed it.</summary>
        public CallDirection Direction { get; private set; }

        /// <summary>Where it stands.</summary>
        public CallState State { get { return _state; } }

        /// <summary>The media side (bodies).</summary>
        public ICallMedia Media { get; internal set; }

        /// <summary>The Call-ID.</summary>
        public string CallId { get; private set; }

        /// <summary>Our tag.</summary>
        public string LocalTag { get; private set; }

        /// <summary>The other party: To of our INVITE, or From of theirs (no tag).</summary>
        public SipNameAddr RemoteParty { get; private set; }

        /// <summary>Us: From of our INVITE, or To of theirs (which of our addresses was called).</summary>
        public SipNameAddr LocalParty { get; private set; }

        /// <summary>The dialog once there is one (an early one while outgoing calls ring).</summary>
        public SipDialog Dialog { get; private set; }

        /// <summary>The last provisional status received (outgoing: 180, 183) or sent (incoming: 180).</summary>
        public int LastProvisional { get; private set; }

        /// <summary>True while we hold the call (our last re-INVITE offered hold).</summary>
        public bool LocalHold { get; private set; }

        /// <summary>
        /// What the last completed offer/answer agreed: remote RTP address and port, codec and payload
        /// types, direction, hold both ways. Null before the first exchange completes (or with a media
        /// side that does not read SDP). Kept after the call ends.
        /// </summary>
        public NegotiatedMedia NegotiatedMedia { get { return Media == null ? null : Media.Negotiated; } }

        /// <summary>True when the far end holds us (its last SDP will not receive), as far as the media can tell.</summary>
        public bool RemoteHold
        {
            get
            {
                NegotiatedMedia m = NegotiatedMedia;
                return m != null && m.IsHeldByRemote;
            }
        }

        /// <summary>The final status that ended the call (486, 487, 603, 408...), 200 for a BYE after connecting, 0 while it runs.</summary>
        public int EndStatus { get; private set; }

        /// <summary>Why it ended: "remote hang-up", "busy", "cancelled", "no ACK"... (null while it runs).</summary>
        public string EndReason { get; private set; }

        /// <summary>True when the far end (or the network) ended it.</summary>
        public bool EndedRemotely { get; private set; }

        /// <summary>True once Terminated.</summary>
        public bool IsEnded { get { return _ended; } }

        /// <summary>The display name of the other party, or null.</summary>
        public string RemoteDisplayName { get { return RemoteParty == null ? null : RemoteParty.DisplayName; } }

        /// <summary>The URI of the other party as text.</summary>
        public string RemoteUri { get { return RemoteParty == null ? null : RemoteParty.UriText; } }

        private ICallListener Listener { get { return _manager.Listener; } }

        private SipTimers Timers { get { return _manager.Timers; } }

        /// <summary>"call 3 (Connected) with sip:bob@office.example".</summary>
        public override string ToString()
        {
            return "call " + Number.ToString() + " (" + CallStates.Name(_state) + ") with " + RemoteUri;
        }

        /// <inheritdoc/>
        public void ResponseReceived(ClientTransaction transaction, SipMessage response)
        {
            string method = transaction.Method;
            if (method == SipMethods.Invite)
            {
                if (transaction == _inviteTx) OnInviteResponse(response);
                else OnReinviteResponse(transaction, response);
            }
            else if (method == SipMethods.Bye) OnByeResponse(transaction, response);
            else if (method == SipMethods.Refer) OnReferResponse(transaction, response);
            else if (method == SipMethods.Notify) OnNotifyResponse(transaction, response);
        }

        /// <inheritdoc/>
        public void TimedOut(ClientTransaction transaction)
        {
            Failed(transaction, 408, "no answer from " + transaction.Peer.ToString());
        }

        /// <inheritdoc/>
        public void TransportFailed(ClientTransaction transaction)
        {
            Failed(transaction, 503, "cannot reach " + transaction.Peer.ToString());
        }

        private void Failed(ClientTransaction transaction, int status, string reason)
        {
            if (transaction == _inviteTx) { InviteFailed(status, reason); return; }
            if (transaction == _reinviteTx) { ReinviteFailed(status, reason); return; }
            if (transaction == _byeTx) { End(_byeStatus, _byeReason, _byeRemote); return; }
            if (transaction == _referTx) { _referTx = null; Listener.TransferProgress(this, status); }
        }

        /// <summary>Moves to <paramref name="next"/>, logging old → new, and tells the listener.</summary>
        private void SetState(CallState next)
        {
            if (_state == next) return;
            CallState previous = _state;
            _state = next;
            Log(LogLevel.Info, CallStates.Name(previous) + " -> " + CallStates.Name(next));
            Listener.CallStateChanged(this, previous);
            if (_referrer != null) _referrer.ReferredCallChanged(this);
        }

        /// <summary>Ends the call: timers stop, dialogs leave the table, the media stops, the listener hears once.</summary>
        private void End(int status, string reason, bool remotely)
        {
            if (_ended) return;
            _ended = true;
            EndStatus = status;
            EndReason = reason;
            EndedRemotely = remotely;
            StopTimers();
            foreach (DictionaryEntry e in _early) _manager.Dialogs.Remove((SipDialog)e.Value);
            _early.Clear();
            if (Dialog != null)
            {
                Dialog.Terminate();
                _manager.Dialogs.Remove(Dialog);
            }
            if (Media != null) Media.Stop();
            SetState(CallState.Terminated);
            Log(LogLevel.Info, "ended: " + status.ToString() + " " + reason + (remotely ? " (far end)" : ""));
            _manager.Forget(this);
            Listener.CallEnded(this);
        }

        private void StopTimers()
        {
            StopOkRetransmission();
            _cancelGuard = Stop(_cancelGuard);
            _reinviteRetry = Stop(_reinviteRetry);
        }

        private void SetDialog(SipDialog dialog)
        {
            Dialog = dialog;
            dialog.Usage = this;
            _manager.Dialogs.Add(dialog);
        }

        /// <summary>Where requests of this call go: the outbound proxy, else the dialog's next hop, else the registrar.</summary>
        private SipTarget RequestTarget()
        {
            return TargetFor(Dialog);
        }

        private SipTarget TargetFor(SipDialog dialog)
        {
            SipTarget t = _manager.TargetOf(Account.OutboundProxy, Account);
            if (t != null) return t;
            if (dialog != null)
            {
                t = dialog.NextHop(_manager.TransportName(Account));
                if (t != null) return t;
            }
            return _manager.TargetOf(Account.Registrar, Account);
        }

        /// <summary>Adds a fresh top Via and sends <paramref name="request"/> in a client transaction owned by this call.</summary>
        private ClientTransaction Send(SipMessage request, SipTarget target)
        {
            if (target == null) return null;
            request.PrependHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            return _stack.Transactions.SendRequest(request, target, this);
        }

        /// <summary>Sends an in-dialog request (not ACK) and returns its transaction, or null without a route.</summary>
        private ClientTransaction SendInDialog(SipMessage request)
        {
            SipTarget target = RequestTarget();
            if (target == null)
            {
                Log(LogLevel.Warning, "no route for " + request.Method);
                return null;
            }
            return Send(request, target);
        }

        /// <summary>Sends an ACK (no transaction) with a fresh Via.</summary>
        private void SendAck(SipMessage ack)
        {
            SipTarget target = RequestTarget();
            if (target == null) return;
            if (ack.TopVia == null)
                ack.PrependHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            _stack.Transport.Send(ack, target);
        }

        /// <summary>Our Contact for <paramref name="transport"/>.</summary>
        private string ContactFor(string transport)
        {
            return SipRouting.ContactFor(_stack, ContactUser, transport); // CallAppearance.cs: the shared line's user on an appearance
        }

        /// <summary>Allow, Supported and the product on a request or 2xx.</summary>
        private void AddCapabilities(SipMessage m, bool request)
        {
            m.SetHeader(SipHeaderNames.Allow, SipStack.AllowedMethods);
            m.SetHeader(SipHeaderNames.Supported, "replaces");
            m.SetHeader(request ? SipHeaderNames.UserAgent : "Server", _stack.Settings.UserAgent);
        }

        private static void SetSdp(SipMessage m, string body)
        {
            if (body != null && body.Length > 0) m.SetBody(body, "application/sdp");
            else m.SetHeader(SipHeaderNames.ContentLength, "0");
        }

        private static string BodyOf(SipMessage m)
        {
            return m.BodyLength > 0 ? m.BodyText : null;
        }

        private LoopTimer StartTimer(int ms, WorkItem callback)
        {
            return _stack.Loop.StartTimer(ms, callback);
        }

        private static LoopTimer Stop(LoopTimer timer)
        {
            if (timer != null) timer.Cancel();
            return null;
        }

        private void Log(LogLevel level, string text)
        {
            _stack.Log.Write(level, "sip.call", "call " + Number.ToString() + ": " + text);
        }

        private static string ReasonFor(int code, string phrase)
        {
            switch (code)
            {
                case 404: return "not found";
                case 408: return "no answer";
                case 480: return "unavailable";
                case 486: return "busy";
                case 487: return "cancelled";
                case 488: return "media not acceptable";
                case 600: return "busy everywhere";
                case 603: return "declined";
                default: return code.ToString() + " " + phrase;
            }
        }
    }
}
