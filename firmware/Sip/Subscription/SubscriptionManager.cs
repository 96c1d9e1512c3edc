// Owns the phone's subscriptions and routes NOTIFYs to them (RFC 6665 §4.1.2.4); others go to a fallback handler.
using System;
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// The NOTIFY handler: register it with <c>stack.Handle(SipMethods.Notify, manager)</c>. A NOTIFY is
    /// matched by Call-ID and To tag (our From tag) to a subscription dialog, which then checks the
    /// From tag and the Event package and id. NOTIFYs of no subscription go to <see cref="Fallback"/>
    /// (the call layer's REFER progress, Event: refer), or are answered 481 when there is none.
    /// </summary>
    public sealed class SubscriptionManager : IRequestHandler
    {
        private readonly Hashtable _dialogs = new Hashtable(); // Call-ID (ours, new for every dialog) → SubscriptionDialog; the To tag is checked after
        private readonly ArrayList _subscriptions = new ArrayList();

        /// <summary>A manager on <paramref name="stack"/>.</summary>
        public SubscriptionManager(SipStack stack)
        {
            Stack = stack;
        }

        /// <summary>The stack its subscriptions send through.</summary>
        public SipStack Stack { get; private set; }

        /// <summary>
        /// Gets the NOTIFYs (and any other request) that belong to no subscription, e.g. the call
        /// layer's handler for Event: refer, or unsolicited message-summary. Null: 481.
        /// </summary>
        public IRequestHandler Fallback { get; set; }

        /// <summary>Subscriptions made here and not removed.</summary>
        public int Count { get { return _subscriptions.Count; } }

        /// <summary>Dialogs that NOTIFYs can match now (current and lingering).</summary>
        public int DialogCount { get { return _dialogs.Count; } }

        /// <summary>The <paramref name="index"/>th subscription, in the order they were made.</summary>
        public Subscription Get(int index)
        {
            return (Subscription)_subscriptions[index];
        }

        /// <summary>Every subscription (a copy), for the phone's status screen.</summary>
        public Subscription[] ToArray()
        {
            Subscription[] all = new Subscription[_subscriptions.Count];
            for (int i = 0; i < all.Length; i++) all[i] = (Subscription)_subscriptions[i];
            return all;
        }

        /// <summary>The subscription to <paramref name="eventPackage"/> at <paramref name="resourceUri"/>, or null.</summary>
        public Subscription Find(string eventPackage, string resourceUri)
        {
            for (int i = 0; i < _subscriptions.Count; i++)
            {
                Subscription s = (Subscription)_subscriptions[i];
                if (EventPackages.Is(s.EventPackage, eventPackage) && s.ResourceUri == resourceUri) return s;
            }
            return null;
        }

        /// <summary>
        /// A subscription of <paramref name="account"/> to <paramref name="eventPackage"/> at
        /// <paramref name="resourceUri"/>; set Accept, Expires, EventId or headers, then <see cref="Subscription.Start"/>.
        /// </summary>
        public Subscription Create(AccountConfig account, string eventPackage, string resourceUri, ISubscriptionListener listener)
        {
            if (account == null) throw new ArgumentNullException("account");
            if (eventPackage == null || !SipText.IsToken(eventPackage)) throw new ArgumentException("not an event package name", "eventPackage");
            SipUri uri;
            string why;
            if (resourceUri == null || !SipUri.TryParse(resourceUri, out uri, out why)) throw new ArgumentException("not a SIP URI", "resourceUri");
            Subscription s = new Subscription(this, account, eventPackage, uri.ToString(), listener);
            _subscriptions.Add(s);
            return s;
        }

        /// <summary>Stops <paramref name="subscription"/> (unsubscribing) and forgets it.</summary>
        public void Remove(Subscription subscription)
        {
            subscription.Stop();
            Forget(subscription);
        }

        /// <summary>Forgets <paramref name="subscription"/> without stopping it (its dialogs still answer NOTIFYs while they linger).</summary>
        public void Forget(Subscription subscription)
        {
            _subscriptions.Remove(subscription);
        }

        /// <inheritdoc/>
        public void RequestReceived(ServerTransaction transaction, SipMessage request)
        {
            if (request.Method == SipMethods.Notify)
            {
                string toTag = request.ToTag;
                string callId = request.CallId;
                SubscriptionDialog dialog = toTag == null || callId == null ? null : _dialogs[callId] as SubscriptionDialog;
                if (dialog != null && dialog.LocalTag != toTag) dialog = null;
                if (dialog != null)
                {
                    dialog.Owner.NotifyReceived(transaction, request, dialog);
                    return;
                }
            }
            if (Fallback != null)
            {
                Fallback.RequestReceived(transaction, request);
                return;
            }
            transaction.Respond(request.Method == SipMethods.Notify ? 481 : 501);
        }

        internal void Bind(SubscriptionDialog dialog)
        {
            _dialogs[dialog.CallId] = dialog;
        }

        internal void Unbind(SubscriptionDialog dialog)
        {
            if (_dialogs[dialog.CallId] == dialog) _dialogs.Remove(dialog.CallId);
        }
    }
}
