// The little dialog state a subscription needs (RFC 3261 §12, RFC 6665 §4.1.2.4), kept here rather than in a dialog layer.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// One subscription dialog: Call-ID, our tag, the notifier's tag once known, both CSeqs, the
    /// route set and the remote target. A <see cref="Subscription"/> makes a new one for every
    /// out-of-dialog SUBSCRIBE; the old one is retired and, while it lingers, still answers NOTIFYs.
    /// </summary>
    internal sealed class SubscriptionDialog
    {
        private static readonly string[] NoRoutes = new string[0];

        private readonly SubscriptionManager _manager;
        private LoopTimer _linger;

        internal SubscriptionDialog(SubscriptionManager manager, Subscription owner, string callId, string localTag)
        {
            _manager = manager;
            Owner = owner;
            CallId = callId;
            LocalTag = localTag;
            RemoteCSeq = -1;
            RouteSet = NoRoutes;
        }

        /// <summary>The subscription it belongs to.</summary>
        internal Subscription Owner { get; private set; }

        /// <summary>Call-ID.</summary>
        internal string CallId { get; private set; }

        /// <summary>Our From tag.</summary>
        internal string LocalTag { get; private set; }

        /// <summary>The notifier's tag (To of the 2xx, From of a NOTIFY), null until then.</summary>
        internal string RemoteTag { get; private set; }

        /// <summary>True once the notifier's tag is known.</summary>
        internal bool IsEstablished { get { return RemoteTag != null; } }

        /// <summary>The last CSeq we used.</summary>
        internal long LocalCSeq { get; private set; }

        /// <summary>The last CSeq of a NOTIFY we accepted, or -1.</summary>
        internal long RemoteCSeq { get; private set; }

        /// <summary>Where in-dialog requests go (the notifier's Contact), or null.</summary>
        internal string RemoteTarget { get; private set; }

        /// <summary>Route values for in-dialog requests, in the order they are written.</summary>
        internal string[] RouteSet { get; private set; }

        /// <summary>True once replaced or ended: it only answers NOTIFYs until the linger runs out.</summary>
        internal bool Retired { get; private set; }

        /// <summary>The next CSeq for a request we send.</summary>
        internal long NextCSeq()
        {
            LocalCSeq++;
            return LocalCSeq;
        }

        /// <summary>Takes the dialog from a 2xx to our SUBSCRIBE: its To tag, Contact, and Record-Route reversed (§12.1.2).</summary>
        internal void EstablishFrom2xx(SipMessage response)
        {
            RemoteTag = response.ToTag;
            RouteSet = Reversed(response.GetHeaderValues(SipHeaderNames.RecordRoute));
            UpdateTarget(response);
        }

        /// <summary>Takes the dialog from a NOTIFY that beat the 2xx (RFC 6665 §4.1.2.4): its From tag, Contact, Record-Route in order.</summary>
        internal void EstablishFromNotify(SipMessage notify)
        {
            RemoteTag = notify.FromTag;
            RouteSet = notify.GetHeaderValues(SipHeaderNames.RecordRoute);
            UpdateTarget(notify);
        }

        /// <summary>A target refresh (2xx to SUBSCRIBE, NOTIFY): a readable Contact becomes the remote target.</summary>
        internal void UpdateTarget(SipMessage message)
        {
            SipNameAddr contact = message.Contact;
            if (contact != null && !contact.IsWildcard && contact.UriText != null && contact.UriText.Length > 0)
                RemoteTarget = contact.UriText;
        }

        /// <summary>
        /// Records a NOTIFY's CSeq; false when it is lower than the last one (out of order, answered
        /// 500 by RFC 3261 §12.2.2).
        /// </summary>
        internal bool AcceptRemoteCSeq(long cseq)
        {
            if (RemoteCSeq >= 0 && cseq < RemoteCSeq) return false;
            RemoteCSeq = cseq;
            return true;
        }

        /// <summary>Retires the dialog: it answers NOTIFYs for <paramref name="lingerMs"/> more, then the manager forgets it.</summary>
        internal void Retire(int lingerMs)
        {
            if (Retired && lingerMs > 0) return;
            Retired = true;
            if (_linger != null) { _linger.Cancel(); _linger = null; }
            if (lingerMs <= 0) _manager.Unbind(this);
            else _linger = _manager.Stack.Loop.StartTimer(lingerMs, LingerOver);
        }

        /// <summary>Forgets the dialog now (a final NOTIFY came, or the linger ran out).</summary>
        internal void Forget()
        {
            if (_linger != null) { _linger.Cancel(); _linger = null; }
            Retired = true;
            _manager.Unbind(this);
        }

        private void LingerOver()
        {
            _linger = null;
            _manager.Unbind(this);
        }

        private static string[] Reversed(string[] values)
        {
            if (values.Length == 0) return NoRoutes;
            string[] r = new string[values.Length];
            for (int i = 0; i < values.Length; i++) r[i] = values[values.Length - 1 - i];
            return r;
        }
    }
}
