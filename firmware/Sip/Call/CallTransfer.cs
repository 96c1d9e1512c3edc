// Transfer (RFC 3515): REFER out with Refer-To; REFER in with the implicit subscription's sipfrag NOTIFYs.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private ClientTransaction _referTx;
        private SipCall _referrer;        // on the new call: the call whose REFER made it
        private SipCall _transferTarget;  // on the referred call: the new call we report on
        private int _refersReceived;
        private long _referEventId;

        /// <summary>True while a REFER of ours waits for its response.</summary>
        public bool TransferPending { get { return _referTx != null; } }

        /// <summary>The call whose REFER made this one, or null.</summary>
        public SipCall ReferredBy { get { return _referrer; } }

        /// <summary>
        /// Blind transfer: asks the far end to call <paramref name="target"/> (REFER with Refer-To).
        /// Progress comes as <see cref="ICallListener.TransferProgress"/>; hang up when it reports 200.
        /// </summary>
        public bool Transfer(string target)
        {
            string uri = NormalizeTarget(target);
            if (uri == null) return false;
            return SendRefer("<" + uri + ">");
        }

        /// <summary>
        /// Attended transfer: asks the far end to call the other party of <paramref name="consultation"/>
        /// with Replaces naming that dialog (RFC 3891 tags as the target sees them), so it takes our place.
        /// </summary>
        public bool TransferTo(SipCall consultation)
        {
            if (consultation == null || consultation.Dialog == null || !consultation.Dialog.IsConfirmed) return false;
            string replaces = consultation.CallId + ";to-tag=" + consultation.Dialog.RemoteTag + ";from-tag=" + consultation.Dialog.LocalTag;
            string uri = consultation.RemoteUri;
            int q = uri.IndexOf('?');
            if (q >= 0) uri = uri.Substring(0, q);
            return SendRefer("<" + uri + "?Replaces=" + SipText.EscapeUriHeader(replaces) + ">");
        }

        private bool SendRefer(string referTo)
        {
            if (_state != CallState.Connected || _referTx != null) return false;
            SipMessage r = Dialog.CreateRequest(SipMethods.Refer);
            r.AddHeader(SipHeaderNames.ReferTo, referTo);
            r.AddHeader(SipHeaderNames.ReferredBy, "<" + Account.AddressOfRecord + ">");
            r.SetHeader(SipHeaderNames.ContentLength, "0");
            _referTx = SendInDialog(r);
            Log(LogLevel.Info, "REFER to " + referTo);
            return _referTx != null;
        }

        private void OnReferResponse(ClientTransaction transaction, SipMessage response)
        {
            if (transaction != _referTx || response.StatusCode < 200) return;
            _referTx = null;
            Listener.TransferProgress(this, response.StatusCode);
        }

        /// <summary>A NOTIFY of the refer subscription: 200, and its sipfrag status goes to the listener.</summary>
        internal void OnNotify(ServerTransaction transaction, SipMessage notify)
        {
            SipHeaderValue ev = notify.Event;
            if (ev == null || !SipText.EqualsIgnoreCase(ev.Value, "refer"))
            {
                transaction.Respond(489);
                return;
            }
            transaction.Respond(200);
            int status = SipfragStatus(BodyOf(notify));
            if (status > 0) Listener.TransferProgress(this, status);
        }

        private void OnNotifyResponse(ClientTransaction transaction, SipMessage response)
        {
            if (response.StatusCode >= 300) Log(LogLevel.Info, "NOTIFY refused with " + response.StatusCode.ToString());
        }

        /// <summary>
        /// The far end asks us to call someone (RFC 3515 §2.4.2): the listener places the call or
        /// declines (603); on 202 the implicit subscription starts with "SIP/2.0 100 Trying".
        /// </summary>
        internal void OnRefer(ServerTransaction transaction, SipMessage refer)
        {
            if (_state != CallState.Connected)
            {
                transaction.Respond(SipMessage.CreateResponse(refer, 403, "Call not connected"));
                return;
            }
            SipCall next = Listener.TransferRequested(this, refer.ReferTo.UriText);
            if (next == null)
            {
                transaction.Respond(603);
                return;
            }
            _refersReceived++;
            _referEventId = _refersReceived > 1 ? refer.CSeqNumber : -1;
            transaction.Respond(Response(refer, 202));
            _transferTarget = next;
            next._referrer = this;
            SendReferNotify(100, "Trying", false);
            if (next.IsEnded || next.State == CallState.Connected) ReferredCallChanged(next);
        }

        /// <summary>The call made for a REFER moved on: a final NOTIFY when it connects or fails.</summary>
        private void ReferredCallChanged(SipCall next)
        {
            if (next != _transferTarget) return;
            int status;
            if (next.State == CallState.Connected) status = 200;
            else if (next.State == CallState.Terminated) status = next.EndStatus >= 300 ? next.EndStatus : 487;
            else return;
            _transferTarget = null;
            next._referrer = null;
            SendReferNotify(status, SipStatus.DefaultReason(status), true);
        }

        private void SendReferNotify(int status, string phrase, bool final)
        {
            if (_ended || Dialog == null || !Dialog.IsConfirmed) return;
            SipMessage n = Dialog.CreateRequest(SipMethods.Notify);
            n.AddHeader(SipHeaderNames.Event, _referEventId >= 0 ? "refer;id=" + _referEventId.ToString() : "refer");
            n.AddHeader(SipHeaderNames.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60");
            n.SetBody("SIP/2.0 " + status.ToString() + " " + phrase + "\r\n", "message/sipfrag;version=2.0");
            SendInDialog(n);
        }

        /// <summary>The status code of a "SIP/2.0 200 OK" sipfrag, or 0.</summary>
        public static int SipfragStatus(string body)
        {
            if (body == null || body.Length < 11 || !body.StartsWith("SIP/2.0 ")) return 0;
            int code = 0;
            for (int i = 8; i < 11; i++)
            {
                char c = body[i];
                if (c < '0' || c > '9') return 0;
                code = code * 10 + (c - '0');
            }
            return code;
        }
    }
}
