// One SIP MESSAGE (RFC 3428, pager mode) from an account: sent through the outbound proxy, digest answered once, the final answer reported.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Usage
{
    /// <summary>Hears the final answer to a <see cref="PagerMessage"/>.</summary>
    public interface IPagerMessageListener
    {
        /// <summary>The MESSAGE got its final answer: <see cref="PagerMessage.StatusCode"/> (408 for no answer, 503 for unreachable).</summary>
        void MessageAnswered(PagerMessage message);
    }

    /// <summary>Where a <see cref="PagerMessage"/> stands.</summary>
    public enum PagerMessageState
    {
        /// <summary>Not sent yet.</summary>
        Idle = 0,
        /// <summary>The MESSAGE (or its retry with credentials) waits for a final response.</summary>
        Sending = 1,
        /// <summary>A 2xx came: the recipient took it.</summary>
        Delivered = 2,
        /// <summary>A final failure, no answer or no route.</summary>
        Failed = 3
    }

    /// <summary>
    /// A MESSAGE outside any dialog (RFC 3428 §4): Request-URI and To the recipient, From the account's
    /// address of record, one Call-ID and From tag, CSeq + 1 for the retry with credentials. It goes to the
    /// outbound proxy (with a Route) or the registrar, like the registration. A 401/407 is answered once
    /// (a stale nonce once more); the next one is "wrong password". Timer F (no answer) is 408, a transport
    /// that cannot send is 503. No Contact: a MESSAGE does not set up a dialog.
    /// </summary>
    public sealed class PagerMessage : IClientTransactionOwner
    {
        private const int MaxStaleRetries = 1;

        private readonly SipStack _stack;
        private readonly AccountConfig _account;
        private readonly string _target;
        private readonly string _contentType;
        private readonly string _body;
        private readonly IPagerMessageListener _listener;
        private readonly string _callId;
        private readonly string _fromTag;
        private readonly DigestRetry _digest = new DigestRetry(MaxStaleRetries);
        private long _cseq;
        private ClientTransaction _pending;

        /// <summary>A MESSAGE from <paramref name="account"/> to <paramref name="targetUri"/> carrying <paramref name="body"/>; <see cref="Send"/> sends it.</summary>
        public PagerMessage(SipStack stack, AccountConfig account, string targetUri, string contentType, string body, IPagerMessageListener listener)
        {
            _stack = stack;
            _account = account;
            _target = targetUri;
            _contentType = contentType;
            _body = body;
            _listener = listener;
            _callId = stack.NewCallId();
            _fromTag = stack.NewTag();
        }

        /// <summary>The recipient's URI.</summary>
        public string Target { get { return _target; } }

        /// <summary>Where it stands.</summary>
        public PagerMessageState State { get; private set; }

        /// <summary>The final status: the response's, 408 for no answer, 503 when it could not be sent; 0 before.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The final response's reason phrase, or why there was none ("no answer from 127.0.0.1:5060").</summary>
        public string Reason { get; private set; }

        /// <summary>Anything the caller wants to find again when the answer comes.</summary>
        public object Context { get; set; }

        /// <summary>Sends the MESSAGE. Once.</summary>
        public void Send()
        {
            if (State != PagerMessageState.Idle) return;
            SetState(PagerMessageState.Sending);
            Send(null, null);
        }

        /// <inheritdoc/>
        public void ResponseReceived(ClientTransaction transaction, SipMessage response)
        {
            if (transaction != _pending) return;
            int code = response.StatusCode;
            if (code < 200) return;
            _pending = null;
            if ((code == 401 || code == 407) && Challenged(response)) return;
            Finish(code, response.ReasonPhrase);
        }

        /// <inheritdoc/>
        public void TimedOut(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            Finish(408, "no answer from " + transaction.Peer.ToString());
        }

        /// <inheritdoc/>
        public void TransportFailed(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            Finish(503, "cannot reach " + transaction.Peer.ToString());
        }

        /// <summary>Answers a challenge; false when it cannot (or should not) be answered again.</summary>
        private bool Challenged(SipMessage response)
        {
            string header, value, failure;
            if (!_digest.TryAnswer(_stack, _account, response, SipMethods.Message, _target, out header, out value, out failure)) return false;
            Send(header, value);
            return true;
        }

        private void Send(string authHeader, string authValue)
        {
            SipUri hop = _account.OutboundProxy != null ? _account.OutboundProxy : _account.Registrar;
            SipTarget target = SipRouting.TargetOf(hop, _account);
            if (target == null)
            {
                _stack.Loop.Post(NoRoute);
                return;
            }
            SipMessage r = SipMessage.CreateRequest(SipMethods.Message, _target);
            r.AddHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            r.AddHeader(SipHeaderNames.MaxForwards, "70");
            if (_account.OutboundProxy != null) r.AddHeader(SipHeaderNames.Route, "<" + _account.OutboundProxy.ToString() + ">");
            string display = _account.DisplayName;
            r.AddHeader(SipHeaderNames.From, SipText.NameAddr(display, _account.AddressOfRecord) + ";tag=" + _fromTag);
            r.AddHeader(SipHeaderNames.To, "<" + _target + ">");
            r.AddHeader(SipHeaderNames.CallId, _callId);
            _cseq++;
            r.AddHeader(SipHeaderNames.CSeq, _cseq.ToString() + " " + SipMethods.Message);
            r.AddHeader(SipHeaderNames.UserAgent, _stack.Settings.UserAgent);
            if (authHeader != null) r.AddHeader(authHeader, authValue);
            r.SetBody(_body, _contentType);
            _pending = _stack.Transactions.SendRequest(r, target, this); // a refusal at once comes as TransportFailed
        }

        private void NoRoute()
        {
            SipUri hop = _account.OutboundProxy != null ? _account.OutboundProxy : _account.Registrar;
            Finish(503, "the proxy " + hop.Host + " is not an IP address (this build has no DNS)");
        }

        private void Finish(int code, string reason)
        {
            if (State != PagerMessageState.Sending) return;
            StatusCode = code;
            Reason = reason;
            SetState(code >= 200 && code < 300 ? PagerMessageState.Delivered : PagerMessageState.Failed);
            if (_listener != null) _listener.MessageAnswered(this);
        }

        private void SetState(PagerMessageState next)
        {
            if (State == next) return;
            _stack.Log.Write(LogLevel.Info, "sip.message", _target + ": " + StateName(State) + " -> " + StateName(next)
                + (StatusCode == 0 ? "" : " (" + StatusCode.ToString() + " " + Reason + ")"));
            State = next;
        }

        /// <summary>"Idle", "Sending", "Delivered", "Failed".</summary>
        public static string StateName(PagerMessageState s)
        {
            switch (s)
            {
                case PagerMessageState.Sending: return "Sending";
                case PagerMessageState.Delivered: return "Delivered";
                case PagerMessageState.Failed: return "Failed";
                default: return "Idle";
            }
        }
    }
}
