// One shared (delegated) line as a phone sees it: the call-info subscription, the appearance table, line seizes, this phone's appearances.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Delegation
{
    /// <summary>Where seizing an appearance for an outgoing call stands (PHONE-BEHAVIOUR: seize before dialing).</summary>
    public enum SeizeStatus
    {
        /// <summary>Nothing seized (never asked, given back, or handed to the call).</summary>
        Idle = 0,
        /// <summary>SUBSCRIBE Event: line-seize is out (or waits to be retried after a 480).</summary>
        Seizing = 1,
        /// <summary>An appearance is ours to dial on (<see cref="SharedLine.SeizedIndex"/>).</summary>
        Seized = 2,
        /// <summary>Every try got 480: the line has no free appearance now.</summary>
        Busy = 3,
        /// <summary>The softswitch refused the seize (403 Not paired...): <see cref="SharedLine.SeizeProblem"/>.</summary>
        Refused = 4
    }

    /// <summary>Hears a shared line change. Called on the loop.</summary>
    public interface ISharedLineListener
    {
        /// <summary>The appearance table or the subscription's state changed.</summary>
        void AppearancesChanged(SharedLine line);

        /// <summary><see cref="SharedLine.Seize"/> moved on.</summary>
        void SeizeChanged(SharedLine line);
    }

    /// <summary>
    /// A shared line appearance group (Kamailio sca, BroadWorks style) on one key. <see cref="Start"/>
    /// subscribes Event: call-info to the line once; the subscription layer refreshes it in its dialog and
    /// only sends a fresh SUBSCRIBE when the dialog died (481, terminated): a fresh one makes sca release
    /// every appearance this phone holds. Each NOTIFY's Call-Info replaces <see cref="Appearances"/>.
    /// <see cref="Seize"/> asks for an appearance before dialing (line-seize, Expires 15, index 0 = the next
    /// free one); a 480 is tried again after its Retry-After (at most <see cref="SeizeAttempts"/> times).
    /// The phone tells the line which appearances are its own (<see cref="Claim"/>): the NOTIFYs do not say
    /// whose an appearance is, and a NOTIFY that shows one of ours idle during a long call (a known sca
    /// trap) does not make it someone else's.
    /// </summary>
    public sealed class SharedLine : ISubscriptionListener, ILineSeizeListener
    {
        /// <summary>Line-seize tries before the line counts as busy.</summary>
        public const int SeizeAttempts = 3;

        /// <summary>Longest wait before trying a seize again, whatever Retry-After says.</summary>
        public const int MaxRetryAfterSeconds = 5;

        private readonly SubscriptionManager _manager;
        private readonly ISharedLineListener _listener;
        private readonly CallInfoTable _table = new CallInfoTable();
        private readonly WorkItem _retrySeize;
        private Subscription _watch;
        private LineSeize _seize;
        private LoopTimer _retryTimer;
        private int _attempts;
        private int[] _mineIndex = new int[4];
        private SipCall[] _mineCall = new SipCall[4];
        private int _mineCount;

        /// <summary>The line at <paramref name="lineUri"/> ("sip:203@office.example"), watched and seized with <paramref name="account"/>.</summary>
        public SharedLine(SubscriptionManager manager, AccountConfig account, string lineUri, KeyDelegation delegation, ISharedLineListener listener)
        {
            SipUri uri;
            string why;
            if (!SipUri.TryParse(lineUri, out uri, out why)) throw new System.ArgumentException("not a SIP URI: " + why, "lineUri");
            _manager = manager;
            _listener = listener;
            Account = account;
            LineUri = uri.ToString();
            User = uri.User == null ? "" : SipUri.Unescape(uri.User);
            Domain = uri.Host;
            Delegation = delegation;
            IsOwnLine = account != null && account.User == User;
            _retrySeize = RetrySeize;
        }

        /// <summary>The line's address.</summary>
        public string LineUri { get; private set; }

        /// <summary>The line's user ("203").</summary>
        public string User { get; private set; }

        /// <summary>The line's domain.</summary>
        public string Domain { get; private set; }

        /// <summary>The account that watches, seizes and places calls (its credentials).</summary>
        public AccountConfig Account { get; private set; }

        /// <summary>The pairing behind the key (permissions, "for", VIP callers), or null for a plain shared line.</summary>
        public KeyDelegation Delegation { get; private set; }

        /// <summary>True when it is this phone's own line shared with others (the executive's phone).</summary>
        public bool IsOwnLine { get; private set; }

        /// <summary>For the phone: the key it belongs to.</summary>
        public object Context { get; set; }

        /// <summary>The appearances the last NOTIFY listed as busy.</summary>
        public CallInfoTable Appearances { get { return _table; } }

        /// <summary>The call-info subscription (null before <see cref="Start"/>).</summary>
        public Subscription Watch { get { return _watch; } }

        /// <summary>True when the call-info subscription failed (refused, unanswered): the lamp shows it.</summary>
        public bool Failed { get { return _watch != null && _watch.State == SubscriptionState.Failed; } }

        /// <summary>Where the seize stands.</summary>
        public SeizeStatus SeizeStatus { get; private set; }

        /// <summary>The seized appearance while <see cref="SeizeStatus"/> is Seized, else 0.</summary>
        public int SeizedIndex { get; private set; }

        /// <summary>Why the last seize was refused or found the line busy, or null.</summary>
        public string SeizeProblem { get; private set; }

        /// <summary>The line-seize underneath (null before the first <see cref="Seize"/>).</summary>
        public LineSeize LineSeize { get { return _seize; } }

        /// <summary>Subscribes Event: call-info to the line, once.</summary>
        public void Start()
        {
            if (_watch != null) return;
            _watch = _manager.Create(Account, EventPackages.CallInfo, LineUri, this);
            _watch.Accept = null; // the state is in Call-Info headers, there is no body
            _watch.Context = this;
            _watch.Start();
        }

        // ---- seizing an appearance before dialing ----

        /// <summary>Asks for the next free appearance (line-seize, index 0); <see cref="ISharedLineListener.SeizeChanged"/> tells the outcome.</summary>
        public void Seize()
        {
            CancelRetry();
            _attempts = 1;
            SeizeProblem = null;
            if (_seize == null) _seize = new LineSeize(_manager, Account, LineUri, this);
            SetSeize(SeizeStatus.Seizing, 0);
            _seize.Seize(0);
        }

        /// <summary>Gives a seized (or still seizing) appearance back: the user hung up before dialing.</summary>
        public void ReleaseSeize()
        {
            CancelRetry();
            if (_seize != null && _seize.State != LineSeizeState.Idle) _seize.Release();
            SetSeize(SeizeStatus.Idle, 0);
        }

        /// <summary>
        /// The INVITE on the seized appearance is answered or ringing: stop refreshing the seize, send
        /// nothing (sca ends the line-seize itself when the call rings; an unsubscribe would free the appearance).
        /// </summary>
        public void SeizeUsed()
        {
            CancelRetry();
            if (_seize != null && _seize.State != LineSeizeState.Idle) _seize.CallStarted();
            SetSeize(SeizeStatus.Idle, 0);
        }

        /// <inheritdoc/>
        public void LineSeizeChanged(LineSeize seize)
        {
            if (seize != _seize) return;
            switch (seize.State)
            {
                case LineSeizeState.Seized:
                    SetSeize(SeizeStatus.Seized, seize.AppearanceIndex);
                    break;
                case LineSeizeState.Taken:
                    if (_attempts >= SeizeAttempts)
                    {
                        SeizeProblem = "no free appearance (480 to " + _attempts.ToString() + " tries)";
                        SetSeize(SeizeStatus.Busy, 0);
                        break;
                    }
                    int wait = seize.RetryAfterSeconds;
                    if (wait < 1) wait = 1;
                    if (wait > MaxRetryAfterSeconds) wait = MaxRetryAfterSeconds;
                    Log(LogLevel.Info, "line-seize of " + LineUri + " got 480, trying again in " + wait.ToString() + " s");
                    _retryTimer = _manager.Stack.Loop.StartTimer(wait * 1000, _retrySeize);
                    break;
                case LineSeizeState.Failed:
                    if (SeizeStatus == SeizeStatus.Seized)
                    {
                        SetSeize(SeizeStatus.Idle, 0); // sca ends the seize (noresource) once the call on it rings: spent, not refused
                        break;
                    }
                    SeizeProblem = seize.FailureReason;
                    SetSeize(SeizeStatus.Refused, 0);
                    break;
                case LineSeizeState.Idle:
                    if (SeizeStatus == SeizeStatus.Seized || SeizeStatus == SeizeStatus.Seizing) SetSeize(SeizeStatus.Idle, 0); // lapsed or taken back
                    break;
            }
        }

        private void RetrySeize()
        {
            _retryTimer = null;
            if (SeizeStatus != SeizeStatus.Seizing) return;
            _attempts++;
            _seize.Seize(0);
        }

        private void CancelRetry()
        {
            if (_retryTimer != null) _retryTimer.Cancel();
            _retryTimer = null;
        }

        private void SetSeize(SeizeStatus status, int index)
        {
            if (SeizeStatus == status && SeizedIndex == index) return;
            Log(LogLevel.Info, "seize of " + LineUri + ": " + SeizeName(SeizeStatus) + " -> " + SeizeName(status) + (index > 0 ? " (appearance " + index.ToString() + ")" : ""));
            SeizeStatus = status;
            SeizedIndex = index;
            if (_listener != null) _listener.SeizeChanged(this);
        }

        /// <summary>"idle", "seizing", "seized", "busy", "refused".</summary>
        public static string SeizeName(SeizeStatus status)
        {
            switch (status)
            {
                case SeizeStatus.Seizing: return "seizing";
                case SeizeStatus.Seized: return "seized";
                case SeizeStatus.Busy: return "busy";
                case SeizeStatus.Refused: return "refused";
                default: return "idle";
            }
        }

        // ---- this phone's appearances ----

        /// <summary>Notes that this phone's <paramref name="call"/> is on appearance <paramref name="index"/>.</summary>
        public void Claim(int index, SipCall call)
        {
            Unclaim(call);
            if (_mineCount == _mineIndex.Length)
            {
                int[] ix = new int[_mineCount * 2];
                SipCall[] calls = new SipCall[_mineCount * 2];
                for (int i = 0; i < _mineCount; i++) { ix[i] = _mineIndex[i]; calls[i] = _mineCall[i]; }
                _mineIndex = ix;
                _mineCall = calls;
            }
            _mineIndex[_mineCount] = index;
            _mineCall[_mineCount] = call;
            _mineCount++;
        }

        /// <summary>Forgets <paramref name="call"/> (it ended); false when it was not on the line.</summary>
        public bool Unclaim(SipCall call)
        {
            for (int i = 0; i < _mineCount; i++)
            {
                if (_mineCall[i] != call) continue;
                for (int j = i + 1; j < _mineCount; j++) { _mineIndex[j - 1] = _mineIndex[j]; _mineCall[j - 1] = _mineCall[j]; }
                _mineCount--;
                _mineCall[_mineCount] = null;
                return true;
            }
            return false;
        }

        /// <summary>True when appearance <paramref name="index"/> carries one of this phone's calls.</summary>
        public bool IsMine(int index)
        {
            for (int i = 0; i < _mineCount; i++) if (_mineIndex[i] == index) return true;
            return false;
        }

        /// <summary>True when <paramref name="call"/> is one of this phone's calls on the line.</summary>
        public bool Carries(SipCall call)
        {
            for (int i = 0; i < _mineCount; i++) if (_mineCall[i] == call) return true;
            return false;
        }

        /// <summary>How many of this phone's calls are on the line.</summary>
        public int MineCount { get { return _mineCount; } }

        /// <summary>The lowest appearance neither busy in the table nor this phone's: where an answered call goes.</summary>
        public int FreeIndex()
        {
            return _table.FreeIndex(_mineIndex, _mineCount);
        }

        // ---- what the others do on the line ----

        /// <summary>The first appearance of someone else in <paramref name="state"/>, or null.</summary>
        public CallInfoAppearance OthersIn(AppearanceState state)
        {
            for (int i = 0; i < _table.Count; i++)
            {
                CallInfoAppearance a = _table.At(i);
                if (a.State == state && !IsMine(a.Index)) return a;
            }
            return null;
        }

        /// <summary>The first busy appearance of someone else, whatever its state, or null.</summary>
        public CallInfoAppearance OthersAny()
        {
            for (int i = 0; i < _table.Count; i++)
            {
                if (!IsMine(_table.At(i).Index)) return _table.At(i);
            }
            return null;
        }

        /// <summary>
        /// The lamp meaning of the others' appearances: ringing, then held (public: it can be picked
        /// up), then busy (seized, progressing, active), then held privately; Failed when the subscription
        /// failed and nothing is known; Idle otherwise.
        /// </summary>
        public LampMeaning OthersMeaning()
        {
            if (OthersIn(AppearanceState.Alerting) != null) return LampMeaning.RingingOthers;
            if (OthersIn(AppearanceState.Held) != null) return LampMeaning.HeldByOthers;
            if (OthersIn(AppearanceState.Active) != null || OthersIn(AppearanceState.Progressing) != null
                || OthersIn(AppearanceState.Seized) != null || OthersIn(AppearanceState.Unknown) != null) return LampMeaning.OthersBusy;
            if (OthersIn(AppearanceState.HeldPrivate) != null) return LampMeaning.HeldPrivate;
            return Failed ? LampMeaning.Failed : LampMeaning.Idle;
        }

        /// <summary>A word for the idle screen after the key's label: "ring", "held", "busy", "priv", or null when the others are idle.</summary>
        public string OthersWord()
        {
            switch (OthersMeaning())
            {
                case LampMeaning.RingingOthers: return "ring";
                case LampMeaning.HeldByOthers: return "held";
                case LampMeaning.OthersBusy: return "busy";
                case LampMeaning.HeldPrivate: return "priv";
                case LampMeaning.Failed: return "n/a";
                default: return null;
            }
        }

        // ---- the subscription ----

        /// <inheritdoc/>
        public void NotifyReceived(Subscription subscription, SubscriptionNotify notify)
        {
            if (subscription != _watch) return;
            bool changed = _table.Apply(notify.Message);
            if (_table.LastProblem != null) Log(LogLevel.Warning, "call-info NOTIFY for " + LineUri + ": " + _table.LastProblem);
            if (!changed) return;
            Log(LogLevel.Info, LineUri + " appearances: " + _table.ToString());
            if (_listener != null) _listener.AppearancesChanged(this);
        }

        /// <inheritdoc/>
        public void SubscriptionChanged(Subscription subscription)
        {
            if (subscription != _watch) return;
            if (_listener != null) _listener.AppearancesChanged(this);
        }

        private void Log(LogLevel level, string text)
        {
            _manager.Stack.Log.Write(level, "shared", text);
        }
    }
}
