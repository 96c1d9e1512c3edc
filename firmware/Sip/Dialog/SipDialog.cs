// A SIP dialog (RFC 3261 §12): its identity and state, created as UAC or UAS, and in-dialog requests.
using System.Text;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip.Dialog
{
    /// <summary>
    /// The state RFC 3261 §12.1 keeps for a peer-to-peer relationship: Call-ID, local and remote
    /// tags, local and remote URIs, local and remote CSeq, the remote target and the route set, and
    /// whether it is secure. A dialog is Early (made by a 1xx with a To tag, or by our 1xx) until a
    /// 2xx confirms it. It builds requests inside itself (§12.2.1.1) and judges the ones that
    /// arrive (§12.2.2). It knows nothing about calls: <see cref="Usage"/> points back to whoever
    /// owns it (a call, a subscription).
    /// </summary>
    public sealed class SipDialog
    {
        private string[] _routeSet;

        private SipDialog(string callId, string localTag, string remoteTag, bool isUac)
        {
            CallId = callId;
            LocalTag = localTag == null ? "" : localTag;
            RemoteTag = remoteTag == null ? "" : remoteTag;
            IsUac = isUac;
            RemoteCSeq = -1;
            _routeSet = new string[0];
        }

        /// <summary>The Call-ID.</summary>
        public string CallId { get; private set; }

        /// <summary>Our tag (From tag as UAC, To tag as UAS).</summary>
        public string LocalTag { get; private set; }

        /// <summary>The peer's tag ("" when it sent none, RFC 2543 style).</summary>
        public string RemoteTag { get; private set; }

        /// <summary>Our address (From of our requests), without tag.</summary>
        public SipNameAddr LocalUri { get; private set; }

        /// <summary>The peer's address (To of our requests), without tag.</summary>
        public SipNameAddr RemoteUri { get; private set; }

        /// <summary>The CSeq number of our last request in the dialog.</summary>
        public long LocalCSeq { get; set; }

        /// <summary>The CSeq number of the peer's last request, or -1 before the first one.</summary>
        public long RemoteCSeq { get; private set; }

        /// <summary>Where requests go: the peer's Contact URI.</summary>
        public string RemoteTarget { get; private set; }

        /// <summary>The route set, in the order Route headers are written.</summary>
        public string[] RouteSet { get { return _routeSet; } }

        /// <summary>True when the dialog was made over TLS with a sips: Request-URI (§12.1.1).</summary>
        public bool Secure { get; private set; }

        /// <summary>True when we sent the request that made the dialog.</summary>
        public bool IsUac { get; private set; }

        /// <summary>Early, Confirmed or Terminated.</summary>
        public DialogState State { get; private set; }

        /// <summary>Our Contact value, added to target-refresh requests and responses.</summary>
        public string LocalContact { get; set; }

        /// <summary>Whoever owns the dialog (a call); the dialog layer never looks inside.</summary>
        public object Usage { get; set; }

        /// <summary>The key of the dialog table: Call-ID, local tag and remote tag.</summary>
        public string Id { get { return DialogTable.Key(CallId, LocalTag, RemoteTag); } }

        /// <summary>True while the dialog is early.</summary>
        public bool IsEarly { get { return State == DialogState.Early; } }

        /// <summary>True once confirmed and not terminated.</summary>
        public bool IsConfirmed { get { return State == DialogState.Confirmed; } }

        /// <summary>
        /// The UAC's dialog from a response to <paramref name="request"/> carrying a To tag (§12.1.2):
        /// Early for 101-199, Confirmed for 2xx. The route set is Record-Route reversed; the remote
        /// target is the response's Contact (the Request-URI when it has none).
        /// </summary>
        public static SipDialog CreateAsUac(SipMessage request, SipMessage response, bool overTls)
        {
            SipDialog d = new SipDialog(request.CallId, request.FromTag, response.ToTag, true);
            d.LocalUri = WithoutTag(request.From);
            d.RemoteUri = WithoutTag(request.To);
            d.LocalCSeq = request.CSeqNumber;
            d.Secure = overTls && request.RequestUri != null && request.RequestUri.IsSecure;
            d.State = response.StatusCode < 200 ? DialogState.Early : DialogState.Confirmed;
            d.RemoteTarget = request.RequestUriText;
            d.TakeRouteAndTarget(response, true);
            return d;
        }

        /// <summary>
        /// The UAS's dialog for <paramref name="request"/>, made when we answer it with our
        /// <paramref name="localTag"/> (§12.1.1): Early until <see cref="Confirm"/>. The route set is
        /// Record-Route in order; the remote target is the request's Contact.
        /// </summary>
        public static SipDialog CreateAsUas(SipMessage request, string localTag, bool overTls)
        {
            SipDialog d = new SipDialog(request.CallId, localTag, request.FromTag, false);
            d.LocalUri = WithoutTag(request.To);
            d.RemoteUri = WithoutTag(request.From);
            d.RemoteCSeq = request.CSeqNumber;
            d.LocalCSeq = 0;
            d.Secure = overTls && request.RequestUri != null && request.RequestUri.IsSecure;
            d.State = DialogState.Early;
            SipNameAddr contact = request.Contact;
            d.RemoteTarget = contact != null && !contact.IsWildcard ? contact.UriText : d.RemoteUri.UriText;
            d._routeSet = request.GetHeaderValues(SipHeaderNames.RecordRoute);
            return d;
        }

        /// <summary>
        /// A 2xx confirmed an early UAC dialog: the route set and remote target are taken again from
        /// it (§13.2.2.4, §12.1.2). For a UAS dialog pass null: only the state changes.
        /// </summary>
        public void Confirm(SipMessage response)
        {
            if (State == DialogState.Terminated) return;
            if (response != null && IsUac) TakeRouteAndTarget(response, true);
            State = DialogState.Confirmed;
        }

        /// <summary>Ends the dialog; it no longer accepts requests.</summary>
        public void Terminate()
        {
            State = DialogState.Terminated;
        }

        /// <summary>
        /// A target refresh (re-INVITE, UPDATE, or a 2xx to ours) changes the remote target to
        /// its Contact (§12.2); the route set stays.
        /// </summary>
        public void RefreshTarget(SipMessage message)
        {
            SipNameAddr contact = message.Contact;
            if (contact != null && !contact.IsWildcard && contact.UriText.Length > 0) RemoteTarget = contact.UriText;
        }

        /// <summary>
        /// Judges a request that matched the dialog (§12.2.2): 500 when its CSeq is lower than the
        /// last one (out of order), 0 when it may go on (the remote CSeq is then updated). ACK and
        /// CANCEL carry the INVITE's number and are not judged.
        /// </summary>
        public int Validate(SipMessage request)
        {
            string method = request.Method;
            if (method == SipMethods.Ack || method == SipMethods.Cancel) return 0;
            long cseq = request.CSeqNumber;
            if (RemoteCSeq >= 0 && cseq < RemoteCSeq) return 500;
            RemoteCSeq = cseq;
            return 0;
        }

        /// <summary>
        /// A request inside the dialog (§12.2.1.1) with the next CSeq: Request-URI = remote target and
        /// Route = route set for loose routing; with a strict first route, Request-URI = that route
        /// and the remote target goes last. From/To carry our and the peer's URI and tags; Contact is
        /// <see cref="LocalContact"/> for target-refresh methods. The caller adds the Via.
        /// </summary>
        public SipMessage CreateRequest(string method)
        {
            LocalCSeq++;
            return CreateRequest(method, LocalCSeq);
        }

        /// <summary>The ACK for a 2xx to the INVITE numbered <paramref name="inviteCSeq"/> (§13.2.2.4).</summary>
        public SipMessage CreateAck(long inviteCSeq)
        {
            return CreateRequest(SipMethods.Ack, inviteCSeq);
        }

        private SipMessage CreateRequest(string method, long cseq)
        {
            string requestUri = RemoteTarget;
            int firstRoute = 0;
            bool strict = false;
            if (_routeSet.Length > 0 && !IsLoose(_routeSet[0]))
            {
                strict = true;
                SipNameAddr first = SipNameAddr.Parse(_routeSet[0]);
                requestUri = StripHeaders(first != null ? first.UriText : RemoteTarget);
                firstRoute = 1;
            }
            SipMessage r = SipMessage.CreateRequest(method, requestUri);
            for (int i = firstRoute; i < _routeSet.Length; i++) r.AddHeader(SipHeaderNames.Route, _routeSet[i]);
            if (strict) r.AddHeader(SipHeaderNames.Route, "<" + RemoteTarget + ">");
            r.AddHeader(SipHeaderNames.MaxForwards, "70");
            r.AddHeader(SipHeaderNames.From, WithTag(LocalUri, LocalTag));
            r.AddHeader(SipHeaderNames.To, WithTag(RemoteUri, RemoteTag));
            r.AddHeader(SipHeaderNames.CallId, CallId);
            r.AddHeader(SipHeaderNames.CSeq, cseq.ToString() + " " + method);
            if (LocalContact != null && IsTargetRefresh(method)) r.AddHeader(SipHeaderNames.Contact, LocalContact);
            return r;
        }

        /// <summary>
        /// The URI the next hop is found from: the first route, or the remote target when there is
        /// none (§12.2.1.1, then §8.1.2).
        /// </summary>
        public SipUri NextHopUri
        {
            get
            {
                string text = RemoteTarget;
                if (_routeSet.Length > 0)
                {
                    SipNameAddr first = SipNameAddr.Parse(_routeSet[0]);
                    if (first != null) text = first.UriText;
                }
                SipUri uri;
                string why;
                return SipUri.TryParse(text, out uri, out why) ? uri : null;
            }
        }

        /// <summary>
        /// The transport address of <see cref="NextHopUri"/> when its host is a literal address
        /// (this build has no DNS), else null. <paramref name="defaultTransport"/> applies when the URI
        /// names none.
        /// </summary>
        public SipTarget NextHop(string defaultTransport)
        {
            return TargetOf(NextHopUri, defaultTransport);
        }

        /// <summary>The transport address of a URI with a literal host, or null.</summary>
        public static SipTarget TargetOf(SipUri uri, string defaultTransport)
        {
            return SipTarget.For(uri, defaultTransport);
        }

        /// <summary>"call-id local-tag remote-tag (state)" for logs.</summary>
        public override string ToString()
        {
            return CallId + " " + LocalTag + "/" + RemoteTag + " (" + DialogStates.Name(State) + ")";
        }

        private void TakeRouteAndTarget(SipMessage response, bool reverse)
        {
            string[] rr = response.GetHeaderValues(SipHeaderNames.RecordRoute);
            if (reverse)
            {
                string[] reversed = new string[rr.Length];
                for (int i = 0; i < rr.Length; i++) reversed[i] = rr[rr.Length - 1 - i];
                rr = reversed;
            }
            _routeSet = rr;
            RefreshTarget(response);
        }

        private static bool IsTargetRefresh(string method)
        {
            return method == SipMethods.Invite || method == SipMethods.Update || method == SipMethods.Subscribe
                || method == SipMethods.Notify || method == SipMethods.Refer;
        }

        private static bool IsLoose(string route)
        {
            SipNameAddr a = SipNameAddr.Parse(route);
            if (a == null) return true;
            SipUri uri = a.Uri;
            return uri == null || uri.IsLooseRouter;
        }

        private static string StripHeaders(string uri)
        {
            int q = uri.IndexOf('?');
            return q < 0 ? uri : uri.Substring(0, q);
        }

        private static string UpperTransport(string t)
        {
            StringBuilder sb = new StringBuilder(t.Length);
            for (int i = 0; i < t.Length; i++) sb.Append(t[i] >= 'a' && t[i] <= 'z' ? (char)(t[i] - 32) : t[i]);
            return sb.ToString();
        }

        private static SipNameAddr WithoutTag(SipNameAddr a)
        {
            SipNameAddr c = a.Clone();
            c.Tag = null;
            return c;
        }

        private static string WithTag(SipNameAddr a, string tag)
        {
            SipNameAddr c = a.Clone();
            if (tag != null && tag.Length > 0) c.Tag = tag;
            return c.ToString();
        }
    }
}
