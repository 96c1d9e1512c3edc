// A call on a shared line appearance (BroadWorks SCA, Kamailio sca): its Contact names the line, Call-Info goes on its messages.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// Which appearance of which shared line a call is on, and whose identity it goes out with.
    /// Kamailio's sca tells the phones of a line apart by Contact and works out the line from From (To
    /// in responses) and the Contact's user: when they differ it takes the Contact's user. So every
    /// message of a call on the line carries a Contact whose user is the line's (<see cref="User"/>),
    /// and <c>Call-Info: &lt;sip:DOMAIN&gt;;appearance-index=N</c> so sca finds the appearance (it cannot
    /// by tags once the call was answered on a phone other than the caller's).
    /// </summary>
    public sealed class SharedAppearance
    {
        /// <summary>Appearance <paramref name="index"/> (from 1) of the line at <paramref name="lineUri"/> ("sip:203@office.example").</summary>
        public SharedAppearance(string lineUri, int index)
        {
            SipUri uri;
            string why;
            if (!SipUri.TryParse(lineUri, out uri, out why)) throw new System.ArgumentException("not a SIP URI: " + why, "lineUri");
            LineUri = uri.ToString();
            User = uri.User;
            Domain = uri.Host;
            Index = index;
        }

        /// <summary>The shared line's address ("sip:203@office.example").</summary>
        public string LineUri { get; private set; }

        /// <summary>The line's user ("203"): the user part of our Contact on this call.</summary>
        public string User { get; private set; }

        /// <summary>The line's domain, as Call-Info names it.</summary>
        public string Domain { get; private set; }

        /// <summary>The appearance number (from 1).</summary>
        public int Index { get; set; }

        /// <summary>
        /// From of an outgoing call ("\"Ann Lee\" &lt;sip:203@office.example&gt;"): the line's owner, as the
        /// softswitch lets a delegate with the right permission call. Null: the account's own identity.
        /// </summary>
        public string Identity { get; set; }

        /// <summary>"&lt;sip:office.example&gt;;appearance-index=2[;appearance-state=held]" (index, then state: sca reads them in that order).</summary>
        public string CallInfo(string state)
        {
            string text = "<sip:" + Domain + ">;appearance-index=" + Index.ToString();
            return state == null ? text : text + ";appearance-state=" + state;
        }
    }

    public sealed partial class SipCall
    {
        private SharedAppearance _appearance;

        /// <summary>The shared appearance the call is on, or null (a call of the phone's own line).</summary>
        public SharedAppearance Appearance { get { return _appearance; } }

        /// <summary>True while we hold the call privately (our last hold was a private one): nobody else on the line may pick it up.</summary>
        public bool HeldPrivately { get; private set; }

        /// <summary>
        /// Puts an incoming call that has not been answered on appearance <paramref name="appearance"/>:
        /// the 2xx and every later message carry its Call-Info, our Contact names the line. False once answered.
        /// </summary>
        public bool UseAppearance(SharedAppearance appearance)
        {
            if (Direction != CallDirection.Incoming || (_state != CallState.Idle && _state != CallState.Ringing) || appearance == null) return false;
            _appearance = appearance;
            if (Dialog != null && _inviteServer != null) Dialog.LocalContact = ContactFor(_inviteServer.Peer.Transport);
            Log(LogLevel.Info, "on appearance " + appearance.Index.ToString() + " of " + appearance.LineUri);
            return true;
        }

        /// <summary>
        /// Holds privately: the hold re-INVITE says <c>appearance-state=held-private</c>, which the softswitch
        /// remembers to refuse pickups of it. False unless on a shared appearance, connected, no re-INVITE running.
        /// </summary>
        public bool HoldPrivately()
        {
            return _appearance != null && CanReinvite() && StartReinvite(KindHoldPrivate);
        }

        private const int KindHoldPrivate = 3;

        /// <summary>Before an outgoing call starts: the appearance (and identity) it goes out on.</summary>
        internal void SetOutgoingAppearance(SharedAppearance appearance)
        {
            _appearance = appearance;
        }

        /// <summary>The user part of our Contact: the shared line's on an appearance, else the account's.</summary>
        private string ContactUser { get { return _appearance != null && _appearance.User != null ? _appearance.User : Account.User; } }

        /// <summary>Call-Info of the appearance on <paramref name="m"/> (nothing off a shared line); <paramref name="state"/> null for none.</summary>
        private void StampAppearance(SipMessage m, string state)
        {
            if (_appearance == null || _appearance.Index <= 0) return;
            m.SetHeader(SipHeaderNames.CallInfo, _appearance.CallInfo(state));
        }

        /// <summary>The appearance state a re-INVITE of <paramref name="kind"/> announces.</summary>
        private string AppearanceStateFor(int kind)
        {
            if (kind == KindHoldPrivate || (kind == KindReoffer && LocalHold && HeldPrivately)) return "held-private";
            if (kind == KindHold || (kind == KindReoffer && LocalHold)) return "held";
            return "active";
        }

        /// <summary>Our re-INVITE's answer was taken: whether the hold now in force is a private one.</summary>
        private void SettleHoldKind()
        {
            HeldPrivately = LocalHold && (_reinviteKind == KindHoldPrivate || (_reinviteKind == KindReoffer && HeldPrivately));
        }

        /// <summary>The 200 for the far end's BYE, with Call-Info on a shared appearance (sca finds the callee's appearance by it).</summary>
        private SipMessage ByeOk(SipMessage bye)
        {
            SipMessage ok = SipMessage.CreateResponse(bye, 200, SipStatus.DefaultReason(200));
            StampAppearance(ok, null);
            return ok;
        }
    }
}
