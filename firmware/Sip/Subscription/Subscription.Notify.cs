// NOTIFYs of a subscription (RFC 6665 §4.1.2.4, §4.1.3): the dialog they may create, the state they carry, how they end it.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Subscription
{
    public sealed partial class Subscription
    {
        /// <summary>A NOTIFY whose Call-ID and To tag are those of <paramref name="dialog"/> (the manager matched them).</summary>
        internal void NotifyReceived(ServerTransaction tx, SipMessage notify, SubscriptionDialog dialog)
        {
            SipHeaderValue ev = notify.Event;
            if (ev == null || !EventPackages.Is(ev.Value, EventPackage) || !SameId(ev.GetParameter("id"), EventId))
            {
                tx.Respond(481);
                return;
            }
            SubscriptionNotify n = SubscriptionNotify.From(notify);
            if (n == null)
            {
                tx.Respond(SipMessage.CreateResponse(notify, 400, "Bad Subscription-State"));
                return;
            }
            if (dialog.IsEstablished)
            {
                if (notify.FromTag != dialog.RemoteTag)
                {
                    tx.Respond(481); // another fork: one dialog per subscription
                    return;
                }
            }
            else
            {
                if (dialog.Retired || dialog != _dialog || _pending == null || _pendingKind != RequestKind.Initial)
                {
                    tx.Respond(481);
                    return;
                }
                dialog.EstablishFromNotify(notify); // it beat the 2xx (RFC 6665 §4.1.2.4)
            }
            if (!dialog.AcceptRemoteCSeq(notify.CSeqNumber))
            {
                tx.Respond(SipMessage.CreateResponse(notify, 500, "CSeq out of order"));
                return;
            }
            dialog.UpdateTarget(notify);
            SipMessage ok = SipMessage.CreateResponse(notify, 200, "OK");
            ok.AddHeader(SipHeaderNames.Contact, ContactFor(_stack, _account, tx.Peer));
            tx.Respond(ok);

            if (dialog != _dialog || dialog.Retired || !_running)
            {
                // A replaced dialog, or one we are ending: answered, nothing more to learn from it.
                if (n.IsTerminated)
                {
                    dialog.Forget();
                    if (dialog == _dialog) { _dialog = null; _unsubscribeWhenEstablished = false; }
                }
                return;
            }
            _gotNotify = true;
            if (_firstNotify != null) { _firstNotify.Cancel(); _firstNotify = null; }
            if (n.IsTerminated)
            {
                Ended(n);
                return;
            }
            Failures = 0;
            if (n.Expires > 0) AdoptExpires(n.Expires);
            if (n.State == SubscriptionNotify.Active) SetState(SubscriptionState.Active, null);
            else if (n.State == SubscriptionNotify.Pending) SetState(SubscriptionState.Pending, null);
            if (_listener != null) _listener.NotifyReceived(this, n);
        }

        /// <summary>The notifier ended the subscription: act on the reason (RFC 6665 §4.1.3, <see cref="SubscriptionTermination"/>).</summary>
        private void Ended(SubscriptionNotify n)
        {
            TerminationReason = n.Reason;
            CancelTimers();
            _pending = null; // a refresh in flight no longer matters
            _dialog.Forget();
            _dialog = null;
            string why = "terminated" + (n.Reason == null ? "" : ": " + n.Reason);
            TerminationAction action = SubscriptionTermination.ActionFor(n.Reason);
            _stack.Log.Write(LogLevel.Info, "sip.sub", Describe() + ": " + why);
            switch (action)
            {
                case TerminationAction.ResubscribeNow:
                    SetState(SubscriptionState.Terminated, why);
                    break;
                case TerminationAction.ResubscribeAfterRetryAfter:
                case TerminationAction.ResubscribeWithBackoff:
                    if (action == TerminationAction.ResubscribeWithBackoff || n.RetryAfter < 0) Failures++;
                    LastBackoffMs = n.RetryAfter >= 0 ? SubscriptionTiming.RetryAfterMs(n.RetryAfter) : SubscriptionTiming.BackoffMs(Failures, _stack.Random);
                    ScheduleNext(LastBackoffMs, _startFresh);
                    SetState(SubscriptionState.Terminated, why);
                    break;
                case TerminationAction.Fail:
                    _running = false;
                    SetState(SubscriptionState.Failed, why);
                    break;
                default:
                    _running = false;
                    SetState(SubscriptionState.Terminated, why);
                    break;
            }
            if (_listener != null) _listener.NotifyReceived(this, n);
            if (action == TerminationAction.ResubscribeNow && _running) StartFresh();
        }

        private static bool SameId(string a, string b)
        {
            if (a == null || a.Length == 0) return b == null || b.Length == 0;
            return a == b;
        }
    }
}
