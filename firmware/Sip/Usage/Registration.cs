// REGISTER for one account (RFC 3261 §10): digest auth, refresh before expiry, back-off, backup proxy.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Usage
{
    /// <summary>
    /// Keeps one account registered. One Call-ID and From tag for the life of the registration,
    /// CSeq counting up. Challenges are answered once per nonce (a stale nonce is retried at once, a
    /// second non-stale challenge means a wrong password). On failure it waits
    /// <see cref="RegistrationTiming"/>'s back-off, trying the backup proxy in between if one is set.
    /// </summary>
    public sealed class Registration : IClientTransactionOwner, IFlowListener
    {
        private const int MaxStaleRetries = 2;

        private readonly SipStack _stack;
        private readonly AccountConfig _account;
        private readonly IRegistrationListener _listener;
        private readonly string _callId;
        private readonly string _fromTag;
        private readonly DigestRetry _digest = new DigestRetry(MaxStaleRetries);
        private long _cseq;
        private int _expiresAsked;
        private bool _onBackup;
        private bool _running;
        private bool _unregistering;
        private LoopTimer _next;
        private ClientTransaction _pending;

        /// <summary>A registration of <paramref name="account"/> on <paramref name="stack"/>; <see cref="Start"/> sends it.</summary>
        public Registration(SipStack stack, AccountConfig account, IRegistrationListener listener)
        {
            _stack = stack;
            _account = account;
            _listener = listener;
            _callId = stack.NewCallId();
            _fromTag = stack.NewTag();
            _expiresAsked = account.Expires;
            stack.AddFlowListener(this);
        }

        /// <summary>The account.</summary>
        public AccountConfig Account { get { return _account; } }

        /// <summary>Where it stands.</summary>
        public RegistrationStatus Status { get; private set; }

        /// <summary>Why the last attempt failed ("wrong password", "no answer from 127.0.0.1:5060"), or null.</summary>
        public string FailureReason { get; private set; }

        /// <summary>Seconds the registrar granted.</summary>
        public int GrantedExpires { get; private set; }

        /// <summary>Failures since the last success.</summary>
        public int Failures { get; private set; }

        /// <summary>The last back-off chosen, in ms (for the screen and tests).</summary>
        public int LastBackoffMs { get; private set; }

        /// <summary>True while the backup proxy is in use.</summary>
        public bool OnBackup { get { return _onBackup; } }

        /// <summary>Where REGISTERs go now.</summary>
        public SipTarget Target { get { return TargetOf(_onBackup ? _account.BackupProxy : Primary); } }

        private SipUri Primary { get { return _account.OutboundProxy != null ? _account.OutboundProxy : _account.Registrar; } }

        /// <summary>Registers now and keeps the registration fresh.</summary>
        public void Start()
        {
            _running = true;
            _unregistering = false;
            Send();
        }

        /// <summary>Removes the binding (Expires: 0) and stops refreshing.</summary>
        public void Stop()
        {
            _running = false;
            CancelNext();
            if (Status == RegistrationStatus.Registered)
            {
                _unregistering = true;
                Send();
            }
            else
            {
                SetStatus(RegistrationStatus.Unregistered, null);
            }
        }

        /// <inheritdoc/>
        public void ResponseReceived(ClientTransaction transaction, SipMessage response)
        {
            if (transaction != _pending) return;
            int code = response.StatusCode;
            if (code < 200) return;
            _pending = null;
            if (code < 300) { Succeeded(response); return; }
            if (code == 401 || code == 407) { Challenged(response); return; }
            if (code == 423)
            {
                int min = response.MinExpires;
                if (min > _expiresAsked && min <= 86400)
                {
                    _expiresAsked = min;
                    Send();
                    return;
                }
            }
            Fail(code.ToString() + " " + response.ReasonPhrase, code >= 500 || code == 408);
        }

        /// <inheritdoc/>
        public void TimedOut(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            Fail("no answer from " + transaction.Peer.ToString(), true);
        }

        /// <inheritdoc/>
        public void TransportFailed(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            Fail("cannot reach " + transaction.Peer.ToString(), true);
        }

        /// <inheritdoc/>
        public void FlowFailed(SipTarget peer, string reason)
        {
            // Only a registered binding is renewed here; a failed attempt already has its back-off.
            if (!_running || Status != RegistrationStatus.Registered || _pending != null || !peer.SameAs(Target)) return;
            _stack.Log.Write(LogLevel.Info, "sip.reg", _account.Id + ": flow to registrar broke (" + reason + "), registering again");
            CancelNext();
            Send();
        }

        private void Succeeded(SipMessage response)
        {
            _digest.Reset();
            if (_unregistering)
            {
                _unregistering = false;
                SetStatus(RegistrationStatus.Unregistered, null);
                return;
            }
            Failures = 0;
            GrantedExpires = GrantedFrom(response);
            SetStatus(RegistrationStatus.Registered, null);
            if (_running) Schedule(RegistrationTiming.RefreshAfterSeconds(GrantedExpires) * 1000);
        }

        private void Challenged(SipMessage response)
        {
            string header, value, failure;
            if (!_digest.TryAnswer(_stack, _account, response, SipMethods.Register, RequestUri(), out header, out value, out failure))
            {
                Fail(failure, false);
                return;
            }
            Send(header, value);
        }

        private void Fail(string reason, bool tryBackup)
        {
            _digest.Reset();
            if (_unregistering)
            {
                _unregistering = false;
                SetStatus(RegistrationStatus.Unregistered, reason);
                return;
            }
            Failures++;
            _stack.Log.Write(LogLevel.Warning, "sip.reg", _account.Id + ": registration failed: " + reason);
            SetStatus(RegistrationStatus.Failed, reason);
            if (!_running) return;
            if (tryBackup && _account.BackupProxy != null && !_onBackup)
            {
                _onBackup = true;
                _stack.Log.Write(LogLevel.Info, "sip.reg", _account.Id + ": trying the backup proxy " + _account.BackupProxy.ToString());
                Send();
                return;
            }
            _onBackup = false;
            LastBackoffMs = RegistrationTiming.BackoffMs(Failures, _stack.Random);
            Schedule(LastBackoffMs);
        }

        private void Send()
        {
            Send(null, null);
        }

        private void Send(string authHeader, string authValue)
        {
            CancelNext();
            SipTarget target = Target;
            if (target == null)
            {
                Fail("the registrar " + (_onBackup ? _account.BackupProxy : Primary).Host + " is not an IP address (this build has no DNS)", false);
                return;
            }
            if (Status != RegistrationStatus.Registered || _unregistering) SetStatus(RegistrationStatus.Registering, FailureReason);
            SipMessage r = SipMessage.CreateRequest(SipMethods.Register, RequestUri());
            r.AddHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
            r.AddHeader(SipHeaderNames.MaxForwards, "70");
            if (_account.OutboundProxy != null && !_onBackup) r.AddHeader(SipHeaderNames.Route, "<" + _account.OutboundProxy.ToString() + ">");
            r.AddHeader(SipHeaderNames.From, SipText.NameAddr(_account.DisplayName, _account.AddressOfRecord) + ";tag=" + _fromTag);
            r.AddHeader(SipHeaderNames.To, SipText.NameAddr(null, _account.AddressOfRecord));
            r.AddHeader(SipHeaderNames.CallId, _callId);
            _cseq++;
            r.AddHeader(SipHeaderNames.CSeq, _cseq.ToString() + " REGISTER");
            r.AddHeader(SipHeaderNames.Contact, ContactFor(target));
            r.AddHeader(SipHeaderNames.Expires, _unregistering ? "0" : _expiresAsked.ToString());
            r.AddHeader(SipHeaderNames.Allow, SipStack.AllowedMethods);
            r.AddHeader(SipHeaderNames.UserAgent, _stack.Settings.UserAgent);
            if (authHeader != null) r.AddHeader(authHeader, authValue);
            r.SetHeader(SipHeaderNames.ContentLength, "0");
            _pending = _stack.Transactions.SendRequest(r, target, this); // a refusal at once comes as TransportFailed
        }

        /// <summary>The Contact binding: our address on the transport in use.</summary>
        public string ContactFor(SipTarget target)
        {
            return SipRouting.ContactFor(_stack, _account.User, target.Transport);
        }

        private string RequestUri()
        {
            return "sip:" + _account.Domain;
        }

        private int GrantedFrom(SipMessage response)
        {
            SipNameAddr[] contacts = response.Contacts;
            string mine = "sip:" + _account.User + "@" + _stack.Transport.LocalAddress;
            for (int i = 0; i < contacts.Length; i++)
            {
                if (contacts[i].Uri == null || !contacts[i].Uri.ToString().StartsWith(mine)) continue;
                string e = contacts[i].Parameters.Get("expires");
                int seconds;
                if (e != null && TryInt(e, out seconds) && seconds > 0) return seconds;
            }
            int header = response.Expires;
            return header > 0 ? header : _expiresAsked;
        }

        private static bool TryInt(string s, out int value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 9) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return true;
        }

        private void Schedule(int ms)
        {
            CancelNext();
            _next = _stack.Loop.StartTimer(ms, Send);
        }

        private void CancelNext()
        {
            if (_next != null) { _next.Cancel(); _next = null; }
        }

        private void SetStatus(RegistrationStatus status, string reason)
        {
            if (Status == status && FailureReason == reason) return;
            Status = status;
            FailureReason = reason;
            _stack.Log.Write(LogLevel.Info, "sip.reg", _account.Id + ": " + StatusName(status) + (reason == null ? "" : " (" + reason + ")"));
            if (_listener != null) _listener.RegistrationChanged(this);
        }

        /// <summary>"unregistered", "registering", "registered", "failed".</summary>
        public static string StatusName(RegistrationStatus s)
        {
            switch (s)
            {
                case RegistrationStatus.Registering: return "registering";
                case RegistrationStatus.Registered: return "registered";
                case RegistrationStatus.Failed: return "failed";
                default: return "unregistered";
            }
        }

        /// <summary>The transport address of a proxy or registrar URI, or null when its host is a name.</summary>
        public SipTarget TargetOf(SipUri uri)
        {
            return SipRouting.TargetOf(uri, _account);
        }
    }
}
