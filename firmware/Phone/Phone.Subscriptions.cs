// The phone's one SubscriptionManager: BLF (and shared lines, MWI...) subscribe through it.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private SubscriptionManager _subscriptions;

        /// <summary>The phone's subscriptions (null until something subscribes).</summary>
        public SubscriptionManager Subscriptions { get { return _subscriptions; } }

        /// <summary>
        /// The manager, made on first use once the call manager exists: it takes every NOTIFY and hands
        /// those of no subscription (Event: refer) back to the calls, as firmware/Sip/README.md says.
        /// Null when SIP is not running. Every feature that subscribes must come through here.
        /// </summary>
        private SubscriptionManager EnsureSubscriptions()
        {
            if (_subscriptions == null && _sip != null && _calls != null)
            {
                _subscriptions = new SubscriptionManager(_sip);
                _sip.Handle(SipMethods.Notify, _subscriptions);
                _subscriptions.Fallback = _calls;
            }
            return _subscriptions;
        }
    }
}
