// Where a subscription stands, and who hears about it.
namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>The state of one subscription (RFC 6665 §4.1.3 names, plus Failed for the phone's lamp).</summary>
    public enum SubscriptionState
    {
        /// <summary>
        /// Not subscribed: never started, stopped, ended by the notifier (see
        /// <see cref="Subscription.RetryScheduled"/> for whether a new subscription will follow).
        /// </summary>
        Terminated = 0,
        /// <summary>A SUBSCRIBE is on its way, or the notifier said "pending" (authorisation awaited).</summary>
        Pending = 1,
        /// <summary>The notifier said "active": NOTIFYs carry the resource's state; refreshed before expiry.</summary>
        Active = 2,
        /// <summary>
        /// The last attempt failed (<see cref="Subscription.FailureReason"/>). Retried with back-off when
        /// <see cref="Subscription.RetryScheduled"/>; for good after rejected / noresource / 403 / 404 / 489.
        /// </summary>
        Failed = 3
    }

    /// <summary>Hears what a subscription learns. Called on the loop.</summary>
    public interface ISubscriptionListener
    {
        /// <summary>
        /// A NOTIFY of this subscription was accepted (answered 200): its body, content type and
        /// Subscription-State. <see cref="Subscription.State"/> already reflects it.
        /// </summary>
        void NotifyReceived(Subscription subscription, SubscriptionNotify notify);

        /// <summary><see cref="Subscription.State"/> or <see cref="Subscription.FailureReason"/> changed.</summary>
        void SubscriptionChanged(Subscription subscription);
    }
}
