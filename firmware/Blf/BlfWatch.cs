// One BLF key's watch on a colleague: the dialog subscription, what its NOTIFYs said, and the lamp meaning that follows.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Blf
{
    /// <summary>What a BLF key knows of the watched user.</summary>
    public enum BlfStatus
    {
        /// <summary>No live dialog (or nothing known yet, or resubscribing).</summary>
        Idle = 0,
        /// <summary>A call rings at the watched user (an early dialog, direction recipient): pickup is possible.</summary>
        Ringing = 1,
        /// <summary>The watched user is on the phone: trying, proceeding, early as caller, or confirmed.</summary>
        Busy = 2,
        /// <summary>The subscription failed (refused, unanswered, expired): the state is unknown.</summary>
        Failed = 3
    }

    /// <summary>Hears when a watch's <see cref="BlfWatch.Status"/> or ringing call changes. Called on the loop.</summary>
    public interface IBlfListener
    {
        /// <summary><paramref name="watch"/> changed.</summary>
        void BlfChanged(BlfWatch watch);
    }

    /// <summary>
    /// Subscribes to the dialog package of one address (RFC 4235) and keeps what the NOTIFYs say.
    /// The subscription layer refreshes it before expiry, resubscribes at once on deactivated, after
    /// retry-after on probation, and gives up on rejected / 403 / 404 / 489 (then <see cref="BlfStatus.Failed"/>).
    /// Versions count per subscription dialog: a new dialog starts from nothing. A partial NOTIFY that
    /// skips a version makes it refresh at once for full state. Bodies it cannot read are logged and
    /// change nothing.
    /// </summary>
    public sealed class BlfWatch : ISubscriptionListener
    {
        private readonly SubscriptionManager _manager;
        private readonly IBlfListener _listener;
        private readonly DialogInfoTracker _dialogs = new DialogInfoTracker();
        private readonly WorkItem _askFullState;
        private Subscription _subscription;
        private string _dialogCallId;
        private string _ringingId;

        /// <summary>A watch of <paramref name="resourceUri"/> by <paramref name="account"/>; <see cref="Start"/> subscribes.</summary>
        public BlfWatch(SubscriptionManager manager, AccountConfig account, string resourceUri, IBlfListener listener)
        {
            _manager = manager;
            _listener = listener;
            Account = account;
            ResourceUri = resourceUri;
            _askFullState = AskFullState;
        }

        /// <summary>The account that subscribes.</summary>
        public AccountConfig Account { get; private set; }

        /// <summary>The watched address ("sip:202@office.example").</summary>
        public string ResourceUri { get; private set; }

        /// <summary>Free for the owner (the phone hangs the key here).</summary>
        public object Context { get; set; }

        /// <summary>The subscription (null before <see cref="Start"/>).</summary>
        public Subscription Subscription { get { return _subscription; } }

        /// <summary>What is known of the watched user.</summary>
        public BlfStatus Status { get; private set; }

        /// <summary>The watched user's live dialogs as the NOTIFYs told them.</summary>
        public DialogInfoTracker Dialogs { get { return _dialogs; } }

        /// <summary>The call ringing at the watched user (for pickup and the screen), or null.</summary>
        public DialogInfoDialog Ringing { get { return Status == BlfStatus.Ringing ? _dialogs.Ringing() : null; } }

        /// <summary>Why the subscription failed or the last body was refused, or null.</summary>
        public string Problem { get; private set; }

        /// <summary>The lamp meaning of <see cref="Status"/>: idle, ringing on a watched line, busy, failed.</summary>
        public LampMeaning Meaning { get { return MeaningOf(Status); } }

        /// <summary>Idle → Idle, Ringing → RingingOthers, Busy → OthersBusy, Failed → Failed.</summary>
        public static LampMeaning MeaningOf(BlfStatus status)
        {
            switch (status)
            {
                case BlfStatus.Ringing: return LampMeaning.RingingOthers;
                case BlfStatus.Busy: return LampMeaning.OthersBusy;
                case BlfStatus.Failed: return LampMeaning.Failed;
                default: return LampMeaning.Idle;
            }
        }

        /// <summary>Subscribes (Event: dialog, Accept: application/dialog-info+xml, Expires 1800).</summary>
        public void Start()
        {
            if (_subscription == null)
            {
                _subscription = _manager.Create(Account, EventPackages.Dialog, ResourceUri, this);
                _subscription.Context = this;
            }
            _subscription.Start();
        }

        /// <summary>Unsubscribes; the lamp goes idle.</summary>
        public void Stop()
        {
            if (_subscription != null) _subscription.Stop();
        }

        /// <inheritdoc/>
        public void NotifyReceived(Subscription subscription, SubscriptionNotify notify)
        {
            if (subscription.CallId != _dialogCallId)
            {
                _dialogs.Reset(); // a new subscription dialog: its versions start again
                _dialogCallId = subscription.CallId;
            }
            if (notify.IsTerminated)
            {
                _dialogs.Reset();
                Update();
                return;
            }
            string body = notify.BodyText;
            if (body == null || body.Trim().Length == 0)
            {
                // No document: nobody has published a call of the watched user (Kamailio's presence
                // sends such NOTIFYs), so nothing is going on.
                _dialogs.Reset();
                Update();
                return;
            }
            string type = notify.ContentType;
            if (type != null && type != DialogInfo.ContentType)
            {
                Refused("a NOTIFY body of type " + type + ", not " + DialogInfo.ContentType);
                return;
            }
            DialogInfo doc;
            string why;
            if (!DialogInfo.TryParse(body, out doc, out why))
            {
                Refused("dialog-info refused: " + why);
                return;
            }
            DialogInfoUpdate result = _dialogs.Apply(doc);
            if (result == DialogInfoUpdate.Gap)
            {
                Log(LogLevel.Info, "partial dialog-info version " + doc.Version.ToString() + " skipped a version: asking for full state");
                _manager.Stack.Loop.Post(_askFullState);
            }
            Update();
        }

        /// <inheritdoc/>
        public void SubscriptionChanged(Subscription subscription)
        {
            if (subscription.State == SubscriptionState.Failed || subscription.State == SubscriptionState.Terminated)
            {
                _dialogs.Reset();
                _dialogCallId = null;
            }
            if (subscription.State == SubscriptionState.Failed) Problem = subscription.FailureReason;
            Update();
        }

        private void AskFullState()
        {
            if (_subscription != null) _subscription.Refresh();
        }

        private void Refused(string why)
        {
            Problem = why;
            Log(LogLevel.Warning, why);
        }

        /// <summary>Works out the status again; tells the listener when it or the ringing call changed.</summary>
        private void Update()
        {
            BlfStatus status = Compute();
            DialogInfoDialog ringing = status == BlfStatus.Ringing ? _dialogs.Ringing() : null;
            string ringingId = ringing == null ? null : ringing.Id;
            if (status == Status && ringingId == _ringingId) return;
            if (status != Status) Log(LogLevel.Info, StatusName(Status) + " -> " + StatusName(status) + (ringing == null ? "" : " (" + ringing.ToString() + ")"));
            Status = status;
            _ringingId = ringingId;
            if (_listener != null) _listener.BlfChanged(this);
        }

        private BlfStatus Compute()
        {
            if (_subscription == null) return BlfStatus.Idle;
            SubscriptionState s = _subscription.State;
            if (s == SubscriptionState.Failed) return BlfStatus.Failed;
            if (s != SubscriptionState.Active && s != SubscriptionState.Pending) return BlfStatus.Idle;
            if (_dialogs.Ringing() != null) return BlfStatus.Ringing;
            return _dialogs.Count > 0 ? BlfStatus.Busy : BlfStatus.Idle;
        }

        /// <summary>"idle", "ringing", "busy", "failed".</summary>
        public static string StatusName(BlfStatus status)
        {
            switch (status)
            {
                case BlfStatus.Ringing: return "ringing";
                case BlfStatus.Busy: return "busy";
                case BlfStatus.Failed: return "failed";
                default: return "idle";
            }
        }

        private void Log(LogLevel level, string message)
        {
            _manager.Stack.Log.Write(level, "blf", ResourceUri + ": " + message);
        }
    }
}
