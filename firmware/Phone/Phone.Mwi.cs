// Message waiting (RFC 3842): a message-summary subscription per account, unsolicited NOTIFYs from the proxy, the voicemail lamp and count.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;
using SipSubscription = DeskPhone.Firmware.Sip.Subscription.Subscription;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// MWI. Once registered, each account SUBSCRIBEs Event: message-summary to its "mailbox" URI (else
    /// its own address of record). What the NOTIFYs say is kept per account; the idle screen shows the
    /// sum ("3 new voicemails") and a "voicemail" feature key flashes red slowly while any account has
    /// messages waiting. A server that refuses the package (489, 404, 501...) leaves MWI off: logged,
    /// nothing shown. NOTIFYs without a subscription (Event: message-summary, no To tag) are taken only
    /// from the registrar and proxies, whatever the transport's trust filter is set to.
    /// </summary>
    public sealed partial class Phone
    {
        /// <summary>The voicemail lamp: red, slow flash.</summary>
        public static readonly LampState MessageWaitingLamp = new LampState(LampColour.Red, Cadence.SlowFlash);

        private MwiLine[] _mwi;

        /// <summary>One account's message waiting state and its subscription.</summary>
        private sealed class MwiLine : ISubscriptionListener
        {
            public Phone Phone;
            public AccountConfig Account;
            public SipSubscription Subscription;
            public bool Waiting;
            public int New = -1;   // -1: the server did not count
            public int Old = -1;
            public int UrgentNew;
            public string LastProblem;

            public void NotifyReceived(SipSubscription subscription, SubscriptionNotify notify) { Phone.MwiNotified(this, notify); }

            public void SubscriptionChanged(SipSubscription subscription) { Phone.MwiChanged(this); }
        }

        /// <summary>True while some account has messages waiting.</summary>
        public bool MessagesWaiting
        {
            get
            {
                if (_mwi == null) return false;
                for (int i = 0; i < _mwi.Length; i++) if (_mwi[i].Waiting) return true;
                return false;
            }
        }

        /// <summary>New voice messages over all accounts (accounts whose server sends no counts add nothing).</summary>
        public int NewVoicemails
        {
            get
            {
                int n = 0;
                if (_mwi == null) return 0;
                for (int i = 0; i < _mwi.Length; i++) if (_mwi[i].New > 0) n += _mwi[i].New;
                return n;
            }
        }

        /// <summary>Old (heard) voice messages over all accounts.</summary>
        public int OldVoicemails
        {
            get
            {
                int n = 0;
                if (_mwi == null) return 0;
                for (int i = 0; i < _mwi.Length; i++) if (_mwi[i].Old > 0) n += _mwi[i].Old;
                return n;
            }
        }

        /// <summary>The message-summary subscription of account <paramref name="index"/> (file order), or null before registration.</summary>
        public SipSubscription MwiSubscription(int index)
        {
            return _mwi == null || index < 0 || index >= _mwi.Length ? null : _mwi[index].Subscription;
        }

        /// <summary>Hook (registered): subscribes every account to message-summary, once.</summary>
        private void StartMwi()
        {
            if (_mwi != null) return;
            SubscriptionManager manager = EnsureSubscriptions();
            if (manager == null) return;
            manager.Fallback = new UnsolicitedMwiHandler(this, manager.Fallback);
            _mwi = new MwiLine[_config.AccountCount];
            for (int i = 0; i < _mwi.Length; i++)
            {
                AccountConfig a = _config.AccountAt(i);
                MwiLine line = new MwiLine();
                line.Phone = this;
                line.Account = a;
                _mwi[i] = line;
                string target = a.Mailbox != null ? a.Mailbox.ToString() : a.AddressOfRecord;
                line.Subscription = manager.Create(a, EventPackages.MessageSummary, target, line);
                line.Subscription.Context = line;
                _hw.Log.Write(LogLevel.Info, "mwi", a.Id + ": subscribing to message-summary at " + target);
                line.Subscription.Start();
            }
        }

        private void MwiNotified(MwiLine line, SubscriptionNotify notify)
        {
            if (notify.Body.Length == 0) return; // pending, or terminated: what we knew stays
            string type = notify.ContentType;
            if (type != null && type != MessageSummary.ContentType)
            {
                _hw.Log.Write(LogLevel.Warning, "mwi", line.Account.Id + ": NOTIFY body is " + type + ", not " + MessageSummary.ContentType + ": ignored");
                return;
            }
            MessageSummary summary;
            string why;
            if (!MessageSummary.TryParse(notify.BodyText, out summary, out why))
            {
                _hw.Log.Write(LogLevel.Warning, "mwi", line.Account.Id + ": unreadable message-summary (" + why + "): ignored");
                return;
            }
            Apply(line, summary);
        }

        private void MwiChanged(MwiLine line)
        {
            SipSubscription s = line.Subscription;
            if (s == null) return;
            if (s.State != SubscriptionState.Failed) { line.LastProblem = null; return; }
            string problem = s.FailureReason;
            if (problem == line.LastProblem) return;
            line.LastProblem = problem;
            if (s.WillRetry) _hw.Log.Write(LogLevel.Info, "mwi", line.Account.Id + ": message-summary subscription failed (" + problem + "), retrying later");
            else _hw.Log.Write(LogLevel.Warning, "mwi", line.Account.Id + ": no message waiting indication: the server refused message-summary (" + problem + ")");
        }

        private void Apply(MwiLine line, MessageSummary summary)
        {
            MessageCounts voice = summary.VoiceCounts;
            line.Waiting = summary.MessagesWaiting;
            line.New = voice == null ? -1 : voice.New;
            line.Old = voice == null ? -1 : voice.Old;
            line.UrgentNew = voice == null ? 0 : voice.UrgentNew;
            string counts = voice == null ? "no counts" : voice.New.ToString() + " new, " + voice.Old.ToString() + " old";
            _hw.Log.Write(LogLevel.Info, "mwi", line.Account.Id + ": messages waiting " + (line.Waiting ? "yes" : "no") + " (" + counts + ")");
            Refresh();
        }

        /// <summary>"3 new voicemails", "New voicemail" (waiting, no counts), or null.</summary>
        private string VoicemailNotice()
        {
            if (!MessagesWaiting) return null;
            int n = NewVoicemails;
            if (n <= 0) return "New voicemail";
            return n.ToString() + (n == 1 ? " new voicemail" : " new voicemails");
        }

        /// <summary>"3 voicemails", "voicemail": beside the missed calls on the idle screen.</summary>
        private string VoicemailShort()
        {
            int n = NewVoicemails;
            if (n <= 0) return "voicemail";
            return n.ToString() + (n == 1 ? " voicemail" : " voicemails");
        }

        /// <summary>The voicemail feature key: calls the mailbox when one is configured, else says what waits.</summary>
        private void VoicemailKey()
        {
            AccountConfig a = _config.DefaultAccount;
            if (a.Mailbox != null && Mode == PhoneMode.Idle) { PlaceCall(a.Mailbox.ToString()); return; }
            string notice = VoicemailNotice();
            ShowMessage(notice != null ? notice : "No new voicemail");
        }

        /// <summary>Takes an unsolicited message-summary NOTIFY (no subscription, no To tag).</summary>
        private void UnsolicitedMwi(ServerTransaction tx, SipMessage notify)
        {
            string source = tx.Peer.Address;
            if (!IsProxyAddress(source))
            {
                _hw.Log.Write(LogLevel.Warning, "mwi", "unsolicited message-summary from " + source + ", not the registrar or proxy: 403");
                tx.Respond(403);
                return;
            }
            MessageSummary summary;
            string why;
            if (!MessageSummary.TryParse(notify.BodyText, out summary, out why))
            {
                _hw.Log.Write(LogLevel.Warning, "mwi", "unsolicited message-summary from " + source + " is unreadable (" + why + "): 400");
                tx.Respond(SipMessage.CreateResponse(notify, 400, "Bad message-summary", _sip.NewTag()));
                return;
            }
            tx.Respond(SipMessage.CreateResponse(notify, 200, "OK", _sip.NewTag()));
            if (_mwi == null) return;
            _hw.Log.Write(LogLevel.Info, "mwi", "unsolicited message-summary from " + source);
            Apply(MwiLineFor(notify), summary);
        }

        /// <summary>The account a NOTIFY is for: the Request-URI's or To's user, else the default account.</summary>
        private MwiLine MwiLineFor(SipMessage notify)
        {
            SipUri ruri = notify.RequestUri;
            SipUri to = notify.To == null ? null : notify.To.Uri;
            for (int i = 0; i < _mwi.Length; i++)
            {
                string user = _mwi[i].Account.User;
                if ((ruri != null && ruri.User == user) || (to != null && to.User == user)) return _mwi[i];
            }
            return _mwi[0];
        }

        private bool IsProxyAddress(string address)
        {
            string[] trusted = TrustedAddresses();
            for (int i = 0; i < trusted.Length; i++) if (trusted[i] == address) return true;
            return false;
        }

        /// <summary>Sits before the subscriptions' fallback: takes unsolicited MWI, passes the rest on.</summary>
        private sealed class UnsolicitedMwiHandler : IRequestHandler
        {
            private readonly Phone _phone;
            private readonly IRequestHandler _next;

            public UnsolicitedMwiHandler(Phone phone, IRequestHandler next)
            {
                _phone = phone;
                _next = next;
            }

            public void RequestReceived(ServerTransaction transaction, SipMessage request)
            {
                SipHeaderValue ev = request.Event;
                if (request.Method == SipMethods.Notify && request.ToTag == null && ev != null && EventPackages.Is(ev.Value, EventPackages.MessageSummary))
                {
                    _phone.UnsolicitedMwi(transaction, request);
                    return;
                }
                if (_next != null) _next.RequestReceived(transaction, request);
                else transaction.Respond(request.Method == SipMethods.Notify ? 481 : 501);
            }
        }
    }
}
