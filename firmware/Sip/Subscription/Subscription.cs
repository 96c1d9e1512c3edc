// One SUBSCRIBE/NOTIFY subscription (RFC 6665 §4.1): its settings, its state, and the timers that keep it alive.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// A subscription to one event package at one resource, made by <see cref="SubscriptionManager.Create"/>.
    /// <see cref="Start"/> sends the SUBSCRIBE through the account's outbound proxy (or registrar);
    /// once the notifier answers, every refresh stays in the dialog (a fresh out-of-dialog
    /// SUBSCRIBE only follows when the notifier ended the dialog or answered 481). The request side
    /// is in Subscription.Send.cs, responses in Subscription.Responses.cs, NOTIFYs in Subscription.Notify.cs.
    /// </summary>
    public sealed partial class Subscription : IClientTransactionOwner
    {
        private const int MaxStaleRetries = 2;

        private readonly SubscriptionManager _manager;
        private readonly SipStack _stack;
        private readonly AccountConfig _account;
        private readonly ISubscriptionListener _listener;
        private readonly ArrayList _headerNames = new ArrayList();
        private readonly ArrayList _headerValues = new ArrayList();
        private readonly DigestRetry _digest = new DigestRetry(MaxStaleRetries);
        private readonly WorkItem _startFresh;
        private readonly WorkItem _refresh;
        private SubscriptionDialog _dialog;
        private ClientTransaction _pending;
        private RequestKind _pendingKind;
        private string _pendingUri;
        private int _expiresAsked;
        private bool _running;
        private bool _unsubscribeWhenEstablished;
        private bool _gotNotify;
        private LoopTimer _next;
        private LoopTimer _expiry;
        private LoopTimer _firstNotify;

        internal Subscription(SubscriptionManager manager, AccountConfig account, string eventPackage, string resourceUri, ISubscriptionListener listener)
        {
            _manager = manager;
            _stack = manager.Stack;
            _account = account;
            _listener = listener;
            EventPackage = eventPackage;
            ResourceUri = resourceUri;
            Accept = EventPackages.DefaultAccept(eventPackage);
            Expires = EventPackages.DefaultExpiresOf(eventPackage);
            Proxy = account.OutboundProxy != null ? account.OutboundProxy : account.Registrar;
            RetryOnFailure = true;
            _startFresh = StartFresh;
            _refresh = RefreshNow;
            NextAttemptAtMs = -1;
        }

        private enum RequestKind { Initial, Refresh, Unsubscribe }

        /// <summary>The account it subscribes as (From, credentials, transport).</summary>
        public AccountConfig Account { get { return _account; } }

        /// <summary>The event package ("dialog", "call-info", "line-seize", "message-summary", "presence"...).</summary>
        public string EventPackage { get; private set; }

        /// <summary>The Event header's id parameter, or null (set before <see cref="Start"/>).</summary>
        public string EventId { get; set; }

        /// <summary>The watched resource: Request-URI and To of the first SUBSCRIBE ("sip:202@office.example").</summary>
        public string ResourceUri { get; private set; }

        /// <summary>The Accept header, or null for none (defaults per package, e.g. application/dialog-info+xml for dialog).</summary>
        public string Accept { get; set; }

        /// <summary>Seconds to ask for (1800 by default, 15 for line-seize).</summary>
        public int Expires { get; set; }

        /// <summary>Where out-of-dialog SUBSCRIBEs go: the outbound proxy, else the registrar (set the backup proxy here on fail-over).</summary>
        public SipUri Proxy { get; set; }

        /// <summary>
        /// True (default): failures are retried with back-off. False: a failure stays Failed with
        /// <see cref="LastStatusCode"/> and <see cref="LastRetryAfterSeconds"/> for the owner to act on (line-seize).
        /// </summary>
        public bool RetryOnFailure { get; set; }

        /// <summary>Where it stands.</summary>
        public SubscriptionState State { get; private set; }

        /// <summary>Why it failed or ended ("403 Forbidden", "no answer from UDP 127.0.0.1:5060", "terminated: rejected"), or null.</summary>
        public string FailureReason { get; private set; }

        /// <summary>The reason of the last terminated Subscription-State ("deactivated"...), or null.</summary>
        public string TerminationReason { get; private set; }

        /// <summary>Seconds granted by the last 2xx or NOTIFY.</summary>
        public int GrantedExpires { get; private set; }

        /// <summary>Consecutive failures (for the back-off); 0 after a success.</summary>
        public int Failures { get; private set; }

        /// <summary>The last back-off or retry wait chosen, ms.</summary>
        public int LastBackoffMs { get; private set; }

        /// <summary>The status of the last final response to a SUBSCRIBE (408 for a timeout, 503 for a transport failure), or 0.</summary>
        public int LastStatusCode { get; private set; }

        /// <summary>The Retry-After of the last failure response in seconds, or -1.</summary>
        public int LastRetryAfterSeconds { get; private set; }

        /// <summary>When the next SUBSCRIBE (refresh, retry or resubscription) is due, clock ms, or -1.</summary>
        public long NextAttemptAtMs { get; private set; }

        /// <summary>True when it is Terminated or Failed but a new attempt is scheduled.</summary>
        public bool WillRetry
        {
            get { return _running && (State == SubscriptionState.Terminated || State == SubscriptionState.Failed) && (_pending != null || (_next != null && _next.IsRunning)); }
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/> (or a final failure).</summary>
        public bool IsRunning { get { return _running; } }

        /// <summary>The current dialog's Call-ID, or null.</summary>
        public string CallId { get { return _dialog == null ? null : _dialog.CallId; } }

        /// <summary>Our From tag in the current dialog, or null.</summary>
        public string LocalTag { get { return _dialog == null ? null : _dialog.LocalTag; } }

        /// <summary>The notifier's tag once the dialog is established, or null.</summary>
        public string RemoteTag { get { return _dialog == null ? null : _dialog.RemoteTag; } }

        /// <summary>Free for the owner to hang its own object on (the BLF key, the shared line...).</summary>
        public object Context { get; set; }

        /// <summary>Adds or replaces a header sent on every SUBSCRIBE of this subscription (null removes it), e.g. Call-Info for line-seize.</summary>
        public void SetHeader(string name, string value)
        {
            for (int i = 0; i < _headerNames.Count; i++)
            {
                if (!SipHeaderNames.SameHeader((string)_headerNames[i], name)) continue;
                if (value == null) { _headerNames.RemoveAt(i); _headerValues.RemoveAt(i); }
                else _headerValues[i] = value;
                return;
            }
            if (value == null) return;
            _headerNames.Add(name);
            _headerValues.Add(value);
        }

        /// <summary>Subscribes now (a new dialog) and keeps the subscription alive until <see cref="Stop"/>.</summary>
        public void Start()
        {
            if (_running) return;
            _running = true;
            _unsubscribeWhenEstablished = false;
            Failures = 0;
            _expiresAsked = Expires;
            StartFresh();
        }

        /// <summary>
        /// Stops refreshing and unsubscribes (Expires: 0 in the dialog). The state is Terminated at once;
        /// the dialog still answers the notifier's final NOTIFY for a while.
        /// </summary>
        public void Stop()
        {
            if (!_running && State != SubscriptionState.Active && State != SubscriptionState.Pending) return;
            _running = false;
            CancelTimers();
            if (_dialog != null && _dialog.IsEstablished && !_dialog.Retired)
            {
                Send(RequestKind.Unsubscribe, null, null);
            }
            else if (_dialog != null && _pending != null && _pendingKind == RequestKind.Initial)
            {
                _unsubscribeWhenEstablished = true; // the 2xx (or an early NOTIFY) will tell us the dialog to end
            }
            else
            {
                RetireDialog(0);
                _pending = null;
            }
            SetState(SubscriptionState.Terminated, null);
        }

        /// <summary>
        /// Stops refreshing without sending anything: the notifier's subscription runs out by itself
        /// and its last NOTIFYs are still answered 200. For line-seize once the INVITE is out (an
        /// unsubscribe would release the appearance the call now uses).
        /// </summary>
        public void Abandon()
        {
            if (!_running) return;
            _running = false;
            int linger = (GrantedExpires > 0 ? GrantedExpires * 1000 : 0) + SubscriptionTiming.LingerMs;
            CancelTimers();
            _pending = null;
            RetireDialog(_dialog != null && _dialog.IsEstablished ? linger : 0);
            SetState(SubscriptionState.Terminated, null);
        }

        /// <summary>A new out-of-dialog SUBSCRIBE: new Call-ID and tag (first time, or after the old dialog ended).</summary>
        private void StartFresh()
        {
            CancelTimers();
            _pending = null;
            RetireDialog(_dialog != null && _dialog.IsEstablished ? SubscriptionTiming.LingerMs : 0); // a stopped dialog's final NOTIFY still gets its 200
            if (!_running) return;
            _dialog = new SubscriptionDialog(_manager, this, _stack.NewCallId(), _stack.NewTag());
            _manager.Bind(_dialog);
            _gotNotify = false;
            _digest.Reset();
            Send(RequestKind.Initial, null, null);
        }

        /// <summary>An in-dialog refresh (the timer at 80-90 %, or a retry after a failed refresh).</summary>
        private void RefreshNow()
        {
            _next = null;
            NextAttemptAtMs = -1;
            if (!_running || _dialog == null || !_dialog.IsEstablished) { StartFresh(); return; }
            if (_pending != null) return;
            _digest.Reset();
            Send(RequestKind.Refresh, null, null);
        }

        /// <summary>Takes <paramref name="seconds"/> as the subscription's duration: refresh at 80-90 %, expiry at 100 %.</summary>
        private void AdoptExpires(int seconds)
        {
            GrantedExpires = SubscriptionTiming.Clamp(seconds);
            if (_expiry != null) _expiry.Cancel();
            _expiry = _stack.Loop.StartTimer(GrantedExpires * 1000, Expired);
            if (_running && _pending == null) ScheduleNext(SubscriptionTiming.RefreshAfterMs(GrantedExpires, _stack.Random), _refresh);
        }

        /// <summary>The granted time ran out without a successful refresh: the notifier has dropped it.</summary>
        private void Expired()
        {
            _expiry = null;
            if (!_running) return;
            SetState(SubscriptionState.Failed, "expired" + (FailureReason == null ? "" : " (" + FailureReason + ")"));
            if (_pending == null && (_next == null || !_next.IsRunning)) RefreshNow();
        }

        /// <summary>No NOTIFY within 64·T1 of the 2xx: report it (the dialog and its refreshes go on).</summary>
        private void NoFirstNotify()
        {
            _firstNotify = null;
            if (!_running || _gotNotify) return;
            SetState(SubscriptionState.Failed, "no NOTIFY after the 2xx");
        }

        private void ScheduleNext(int ms, WorkItem what)
        {
            if (_next != null) _next.Cancel();
            _next = _stack.Loop.StartTimer(ms, what);
            NextAttemptAtMs = _next.DueAtMs;
        }

        private void CancelTimers()
        {
            if (_next != null) { _next.Cancel(); _next = null; }
            if (_expiry != null) { _expiry.Cancel(); _expiry = null; }
            if (_firstNotify != null) { _firstNotify.Cancel(); _firstNotify = null; }
            NextAttemptAtMs = -1;
        }

        /// <summary>Ends the current dialog's life in this subscription; it lingers <paramref name="lingerMs"/> to answer NOTIFYs.</summary>
        private void RetireDialog(int lingerMs)
        {
            if (_dialog == null) return;
            _dialog.Retire(lingerMs);
            _dialog = null;
        }

        private void SetState(SubscriptionState state, string reason)
        {
            if (State == state && FailureReason == reason) return;
            SubscriptionState old = State;
            State = state;
            FailureReason = reason;
            _stack.Log.Write(LogLevel.Info, "sip.sub", Describe() + ": " + StateName(old) + " -> " + StateName(state) + (reason == null ? "" : " (" + reason + ")"));
            if (_listener != null) _listener.SubscriptionChanged(this);
        }

        /// <summary>"dialog sip:202@office.example".</summary>
        public string Describe()
        {
            return EventPackage + " " + ResourceUri;
        }

        /// <summary>"terminated", "pending", "active", "failed".</summary>
        public static string StateName(SubscriptionState s)
        {
            switch (s)
            {
                case SubscriptionState.Pending: return "pending";
                case SubscriptionState.Active: return "active";
                case SubscriptionState.Failed: return "failed";
                default: return "terminated";
            }
        }
    }
}
