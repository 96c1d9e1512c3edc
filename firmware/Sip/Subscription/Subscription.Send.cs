// Building and sending SUBSCRIBE: the first one out of dialog, refreshes and the unsubscribe in the dialog.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Subscription
{
    public sealed partial class Subscription
    {
        /// <summary>Where out-of-dialog SUBSCRIBEs go now, or null when <see cref="Proxy"/> is a host name (no DNS).</summary>
        public SipTarget Target { get { return TargetOf(Proxy, _account); } }

        private void Send(RequestKind kind, string authHeader, string authValue)
        {
            if (_next != null) { _next.Cancel(); _next = null; NextAttemptAtMs = -1; }
            bool inDialog = kind != RequestKind.Initial;
            SipTarget target = inDialog ? InDialogTarget() : Target;
            if (target == null)
            {
                _pending = null;
                Failed(0, "the proxy " + (Proxy == null ? "(none)" : Proxy.Host) + " is not an IP address (this build has no DNS)", false, -1);
                return;
            }
            if (kind == RequestKind.Initial && State != SubscriptionState.Pending) SetState(SubscriptionState.Pending, FailureReason);

            string uri = inDialog && _dialog.RemoteTarget != null ? _dialog.RemoteTarget : ResourceUri;
            SipMessage r = SipMessage.CreateRequest(SipMethods.Subscribe, uri);
            r.AddHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            r.AddHeader(SipHeaderNames.MaxForwards, "70");
            if (inDialog)
            {
                string[] routes = _dialog.RouteSet;
                for (int i = 0; i < routes.Length; i++) r.AddHeader(SipHeaderNames.Route, routes[i]);
            }
            else if (_account.OutboundProxy != null && Proxy == _account.OutboundProxy)
            {
                r.AddHeader(SipHeaderNames.Route, "<" + _account.OutboundProxy.ToString() + ">");
            }
            string display = _account.DisplayName;
            r.AddHeader(SipHeaderNames.From, SipText.NameAddr(display, _account.AddressOfRecord) + ";tag=" + _dialog.LocalTag);
            r.AddHeader(SipHeaderNames.To, "<" + ResourceUri + ">" + (inDialog ? ";tag=" + _dialog.RemoteTag : ""));
            r.AddHeader(SipHeaderNames.CallId, _dialog.CallId);
            r.AddHeader(SipHeaderNames.CSeq, _dialog.NextCSeq().ToString() + " SUBSCRIBE");
            r.AddHeader(SipHeaderNames.Contact, ContactFor(_stack, _account, target));
            r.AddHeader(SipHeaderNames.Event, EventId == null ? EventPackage : EventPackage + ";id=" + EventId);
            if (Accept != null) r.AddHeader(SipHeaderNames.Accept, Accept);
            r.AddHeader(SipHeaderNames.Expires, kind == RequestKind.Unsubscribe ? "0" : _expiresAsked.ToString());
            for (int i = 0; i < _headerNames.Count; i++) r.AddHeader((string)_headerNames[i], (string)_headerValues[i]);
            r.AddHeader(SipHeaderNames.Allow, SipStack.AllowedMethods);
            r.AddHeader(SipHeaderNames.UserAgent, _stack.Settings.UserAgent);
            if (authHeader != null) r.AddHeader(authHeader, authValue);
            r.SetHeader(SipHeaderNames.ContentLength, "0");

            _pendingKind = kind;
            _pendingUri = uri;
            _pending = _stack.Transactions.SendRequest(r, target, this); // a refusal at once comes as TransportFailed
        }

        /// <summary>
        /// The next hop in the dialog: the outbound proxy when the account has one (the phone keeps one
        /// flow), else the first route, else the remote target; the proxy when those are host names.
        /// </summary>
        private SipTarget InDialogTarget()
        {
            SipTarget t = null;
            if (_account.OutboundProxy != null) t = TargetOf(_account.OutboundProxy, _account);
            if (t == null && _dialog.RouteSet.Length > 0)
            {
                SipNameAddr first = SipNameAddr.Parse(_dialog.RouteSet[0]);
                if (first != null) t = TargetOf(first.Uri, _account);
            }
            if (t == null && _dialog.RouteSet.Length == 0 && _dialog.RemoteTarget != null)
            {
                SipUri remote;
                string why;
                if (SipUri.TryParse(_dialog.RemoteTarget, out remote, out why)) t = TargetOf(remote, _account);
            }
            return t != null ? t : Target;
        }

        /// <summary>The transport address of a proxy or contact URI, or null for a host name.</summary>
        internal static SipTarget TargetOf(SipUri uri, AccountConfig account)
        {
            return SipRouting.TargetOf(uri, account);
        }

        /// <summary>Our Contact on the transport in use (as the registration's binding).</summary>
        internal static string ContactFor(SipStack stack, AccountConfig account, SipTarget target)
        {
            return SipRouting.ContactFor(stack, account.User, target.Transport);
        }
    }
}
