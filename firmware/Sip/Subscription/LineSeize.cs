// Seizing a shared line appearance before dialing (BroadWorks / Kamailio sca "line-seize").
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>Where a line seize stands.</summary>
    public enum LineSeizeState
    {
        /// <summary>Nothing seized (never asked, released, lapsed, or handed over to the call).</summary>
        Idle = 0,
        /// <summary>SUBSCRIBE Event: line-seize is on its way.</summary>
        Seizing = 1,
        /// <summary>The appearance is ours (<see cref="LineSeize.AppearanceIndex"/>); dial now.</summary>
        Seized = 2,
        /// <summary>480: someone else has it; try again after <see cref="LineSeize.RetryAfterSeconds"/> or pick another.</summary>
        Taken = 3,
        /// <summary>Any other failure (<see cref="LineSeize.FailureReason"/>).</summary>
        Failed = 4
    }

    /// <summary>Hears a line seize change state.</summary>
    public interface ILineSeizeListener
    {
        /// <summary><see cref="LineSeize.State"/> changed.</summary>
        void LineSeizeChanged(LineSeize seize);
    }

    /// <summary>
    /// SUBSCRIBE Event: line-seize to a shared address with Expires ≤ 15 and
    /// <c>Call-Info: &lt;sip:DOMAIN&gt;;appearance-index=N</c> (0 = the next free one). The seized index
    /// comes in the NOTIFY's Call-Info. Kamailio's sca wants Call-Info on every line-seize SUBSCRIBE,
    /// the release included, so the header follows the seized index. Not retried by itself: a 480
    /// (with Retry-After) is reported as <see cref="LineSeizeState.Taken"/> for the phone to decide.
    /// </summary>
    public sealed class LineSeize : ISubscriptionListener
    {
        private readonly SubscriptionManager _manager;
        private readonly AccountConfig _account;
        private readonly string _sharedAddress;
        private readonly string _domain;
        private readonly ILineSeizeListener _listener;
        private Subscription _subscription;

        /// <summary>A seizer of appearances of <paramref name="sharedAddress"/> ("sip:300@office.example").</summary>
        public LineSeize(SubscriptionManager manager, AccountConfig account, string sharedAddress, ILineSeizeListener listener)
        {
            SipUri uri;
            string why;
            if (!SipUri.TryParse(sharedAddress, out uri, out why)) throw new System.ArgumentException("not a SIP URI", "sharedAddress");
            _manager = manager;
            _account = account;
            _sharedAddress = uri.ToString();
            _domain = uri.Host;
            _listener = listener;
            RetryAfterSeconds = -1;
        }

        /// <summary>Where it stands.</summary>
        public LineSeizeState State { get; private set; }

        /// <summary>The index asked for (0 = next free).</summary>
        public int RequestedIndex { get; private set; }

        /// <summary>The seized index once known, else 0.</summary>
        public int AppearanceIndex { get; private set; }

        /// <summary>The Retry-After of a 480, seconds, or -1.</summary>
        public int RetryAfterSeconds { get; private set; }

        /// <summary>Why it failed, or null.</summary>
        public string FailureReason { get; private set; }

        /// <summary>The subscription underneath (null before <see cref="Seize"/>).</summary>
        public Subscription Subscription { get { return _subscription; } }

        /// <summary>Asks for appearance <paramref name="appearanceIndex"/> (≤ 0: the next free one), dropping any earlier seize.</summary>
        public void Seize(int appearanceIndex)
        {
            Drop(true);
            RequestedIndex = appearanceIndex > 0 ? appearanceIndex : 0;
            AppearanceIndex = 0;
            RetryAfterSeconds = -1;
            FailureReason = null;
            _subscription = _manager.Create(_account, EventPackages.LineSeize, _sharedAddress, this);
            _subscription.Expires = EventPackages.LineSeizeExpires;
            _subscription.Accept = null;
            _subscription.RetryOnFailure = false;
            _subscription.SetHeader(SipHeaderNames.CallInfo, CallInfoFor(RequestedIndex));
            SetState(LineSeizeState.Seizing);
            _subscription.Start();
        }

        /// <summary>Gives the appearance back (SUBSCRIBE Expires: 0 naming it), e.g. the user hung up before dialing.</summary>
        public void Release()
        {
            Drop(true);
            SetState(LineSeizeState.Idle);
        }

        /// <summary>The INVITE is out: stop refreshing but send nothing (an unsubscribe would release the appearance the call uses).</summary>
        public void CallStarted()
        {
            Drop(false);
            SetState(LineSeizeState.Idle);
        }

        /// <summary>"&lt;sip:office.example&gt;;appearance-index=2".</summary>
        public string CallInfoFor(int index)
        {
            return "<sip:" + _domain + ">;appearance-index=" + index.ToString();
        }

        /// <inheritdoc/>
        public void NotifyReceived(Subscription subscription, SubscriptionNotify notify)
        {
            if (subscription != _subscription) return;
            int index = IndexIn(notify.Message);
            if (index > 0 && index != AppearanceIndex)
            {
                AppearanceIndex = index;
                subscription.SetHeader(SipHeaderNames.CallInfo, CallInfoFor(index));
            }
            if (notify.IsTerminated)
            {
                Drop(false); // the seize lapsed or was taken back: never resubscribe by itself
                SetState(LineSeizeState.Idle);
                return;
            }
            if (AppearanceIndex == 0 && RequestedIndex > 0) AppearanceIndex = RequestedIndex;
            if (notify.IsActive && AppearanceIndex > 0) SetState(LineSeizeState.Seized);
        }

        /// <inheritdoc/>
        public void SubscriptionChanged(Subscription subscription)
        {
            if (subscription != _subscription || subscription.State != SubscriptionState.Failed) return;
            if (subscription.IsRunning) return; // an in-dialog refresh is being retried; the seize stands
            FailureReason = subscription.FailureReason;
            if (subscription.LastStatusCode == 480)
            {
                RetryAfterSeconds = subscription.LastRetryAfterSeconds;
                SetState(LineSeizeState.Taken);
            }
            else
            {
                SetState(LineSeizeState.Failed);
            }
        }

        private void Drop(bool unsubscribe)
        {
            Subscription s = _subscription;
            if (s == null) return;
            _subscription = null;
            if (unsubscribe) s.Stop(); else s.Abandon();
            _manager.Forget(s);
        }

        private static int IndexIn(SipMessage message)
        {
            SipNameAddr[] infos = message.CallInfo;
            if (infos == null) return 0;
            for (int i = 0; i < infos.Length; i++)
            {
                string v = infos[i].Parameters.Get("appearance-index");
                if (v == null) continue;
                long n = SipText.ParseNumber(v);
                if (n > 0 && n < 10000) return (int)n;
            }
            return 0;
        }

        private void SetState(LineSeizeState state)
        {
            if (State == state) return;
            State = state;
            if (_listener != null) _listener.LineSeizeChanged(this);
        }
    }
}
