// The call usage's entry point: places calls, takes INVITE/BYE/REFER/NOTIFY/INFO, CANCEL, ACK and stray 2xx.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Dialog;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// One per phone. Registers itself on the <see cref="SipStack"/> for INVITE, BYE, REFER, NOTIFY
    /// and INFO and as its dialog listener (ACK for 2xx, CANCEL, stray 2xx). New INVITEs become
    /// incoming calls; requests inside a call's dialog go to that call; requests for dialogs it does
    /// not know get 481 (NOTIFYs first go to <see cref="OtherNotifyHandler"/>, for subscriptions).
    /// </summary>
    public sealed class CallManager : IRequestHandler, IDialogMessageListener
    {
        private readonly AccountConfig[] _accounts;
        private readonly ICallMediaFactory _media;
        private readonly ArrayList _calls = new ArrayList();
        private int _numbers;
        private bool _forwarding;

        /// <summary>
        /// A manager for <paramref name="accounts"/> (the first takes calls no other account matches),
        /// telling <paramref name="listener"/> and asking <paramref name="media"/> for bodies.
        /// </summary>
        public CallManager(SipStack stack, AccountConfig[] accounts, ICallListener listener, ICallMediaFactory media)
        {
            Stack = stack;
            _accounts = accounts;
            Listener = listener;
            _media = media;
            Dialogs = new DialogTable();
            Timers = new SipTimers();
            stack.Handle(SipMethods.Invite, this);
            stack.Handle(SipMethods.Bye, this);
            stack.Handle(SipMethods.Refer, this);
            stack.Handle(SipMethods.Notify, this);
            stack.Handle(SipMethods.Info, this);
            stack.AddDialogListener(this);
        }

        /// <summary>The stack calls run on.</summary>
        public SipStack Stack { get; private set; }

        /// <summary>Who hears about calls.</summary>
        public ICallListener Listener { get; private set; }

        /// <summary>The dialogs of every call (early and confirmed).</summary>
        public DialogTable Dialogs { get; private set; }

        /// <summary>T1/T2 for the 2xx retransmissions of the UAS (§13.3.1.4) and the CANCEL guard.</summary>
        public SipTimers Timers { get; set; }

        /// <summary>
        /// Takes NOTIFYs that belong to no call; null answers them 481. With a SubscriptionManager,
        /// either register it for NOTIFY after this manager and set its Fallback to this manager (the
        /// Subscriptions section of Sip/README.md), or set this to it: not both.
        /// </summary>
        public IRequestHandler OtherNotifyHandler { get; set; }

        /// <summary>Calls that have not ended.</summary>
        public int Count { get { return _calls.Count; } }

        /// <summary>The live call at <paramref name="index"/>.</summary>
        public SipCall CallAt(int index) { return (SipCall)_calls[index]; }

        /// <summary>
        /// Calls <paramref name="target"/> ("sip:bob@office.example", "bob", or a Refer-To URI with
        /// ?Replaces=...) from <paramref name="account"/>. The call starts in Calling; a failure to
        /// send ends it at once (the listener hears).
        /// </summary>
        public SipCall Connect(AccountConfig account, string target)
        {
            return Connect(account, target, null);
        }

        /// <summary>
        /// Calls <paramref name="target"/> on a shared line's <paramref name="appearance"/> (null: as
        /// <see cref="Connect(AccountConfig, string)"/>): From is the appearance's identity when it has one,
        /// the Contact names the line, the INVITE and what follows carry its Call-Info. Credentials stay the account's.
        /// </summary>
        public SipCall Connect(AccountConfig account, string target, SharedAppearance appearance)
        {
            SipCall call = NewCall(account, CallDirection.Outgoing);
            if (appearance != null) call.SetOutgoingAppearance(appearance);
            call.StartOutgoing(target);
            return call;
        }

        /// <inheritdoc/>
        public void RequestReceived(ServerTransaction transaction, SipMessage request)
        {
            string method = request.Method;
            if (method == SipMethods.Invite && request.ToTag == null)
            {
                OnNewInvite(transaction, request);
                return;
            }
            SipDialog dialog = Dialogs.FindForRequest(request);
            SipCall call = dialog == null ? null : dialog.Usage as SipCall;
            if (call == null)
            {
                if (method == SipMethods.Notify && OtherNotifyHandler != null && !_forwarding)
                {
                    _forwarding = true; // a handler that hands it back (a Fallback pointing here) gets 481, not a loop
                    try { OtherNotifyHandler.RequestReceived(transaction, request); }
                    finally { _forwarding = false; }
                    return;
                }
                if (method == SipMethods.Refer && request.ToTag == null) { transaction.Respond(403); return; }
                Stack.Log.Write(LogLevel.Info, "sip.call", method + " for an unknown dialog " + request.CallId + ": 481");
                transaction.Respond(481);
                return;
            }
            int problem = dialog.Validate(request);
            if (problem != 0)
            {
                transaction.Respond(SipMessage.CreateResponse(request, problem, "CSeq out of order"));
                return;
            }
            if (method == SipMethods.Invite) call.OnReinvite(transaction, request);
            else if (method == SipMethods.Bye) call.OnBye(transaction, request);
            else if (method == SipMethods.Refer) call.OnRefer(transaction, request);
            else if (method == SipMethods.Notify) call.OnNotify(transaction, request);
            else if (method == SipMethods.Info) call.OnInfo(transaction, request);
            else transaction.Respond(200);
        }

        /// <inheritdoc/>
        public void AckReceived(SipMessage ack)
        {
            SipDialog dialog = Dialogs.FindForRequest(ack);
            SipCall call = dialog == null ? null : dialog.Usage as SipCall;
            if (call != null) call.OnAck(ack);
        }

        /// <inheritdoc/>
        public void CancelReceived(ServerTransaction invite, SipMessage cancel)
        {
            for (int i = 0; i < _calls.Count; i++)
            {
                SipCall call = (SipCall)_calls[i];
                if (call.InviteServer == invite) { call.OnCancel(); return; }
            }
        }

        /// <inheritdoc/>
        public void StrayResponse(SipMessage response)
        {
            if (response.CSeqMethod != SipMethods.Invite || response.StatusCode < 200 || response.StatusCode >= 300) return;
            for (int i = 0; i < _calls.Count; i++)
            {
                SipCall call = (SipCall)_calls[i];
                if (call.CallId == response.CallId && call.LocalTag == response.FromTag) { call.OnStray2xx(response); return; }
            }
        }

        internal SipCall NewCall(AccountConfig account, CallDirection direction)
        {
            _numbers++;
            SipCall call = new SipCall(this, account, direction, _numbers);
            call.Media = _media.CreateMedia(call);
            _calls.Add(call);
            return call;
        }

        internal void Forget(SipCall call)
        {
            _calls.Remove(call);
        }

        private void OnNewInvite(ServerTransaction transaction, SipMessage invite)
        {
            if (invite.HasHeader(SipHeaderNames.Replaces))
            {
                SipCall.ReceiveReplacing(this, transaction, invite);
                return;
            }
            SipCall call = NewCall(AccountFor(invite), CallDirection.Incoming);
            call.Receive(transaction, invite);
        }

        /// <summary>The account whose user the Request-URI (or else To) names; the first one otherwise.</summary>
        internal AccountConfig AccountFor(SipMessage invite)
        {
            SipUri uri = invite.RequestUri;
            string user = uri != null ? uri.User : null;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < _accounts.Length; i++)
                    if (user != null && _accounts[i].User == user) return _accounts[i];
                SipUri to = invite.To == null ? null : invite.To.Uri;
                user = to != null ? to.User : null;
            }
            return _accounts[0];
        }

        /// <summary>"UDP", "TCP" or "TLS" as the account is set up.</summary>
        internal string TransportName(AccountConfig account)
        {
            return SipRouting.TransportOf(account);
        }

        /// <summary>The transport address of a proxy URI, or null (none set, or a host name: no DNS here).</summary>
        internal SipTarget TargetOf(SipUri uri, AccountConfig account)
        {
            return SipRouting.TargetOf(uri, account);
        }
    }
}
