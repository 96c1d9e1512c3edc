// Calls on shared (delegated) lines: outgoing as the line's owner, pickup of held calls, answering on an appearance, private hold, the screen and the history.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Delegation;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>How long after a call that rang here ended the line's NOTIFYs may still show it answered on another phone.</summary>
        public const int ElsewhereWindowMs = 10000;

        private const int ElsewhereSlots = 4;

        private SharedAppearance _pickup;   // the held appearance the next PlaceCall picks up
        private int _pickupLine;
        private SipCall _pickupCall;        // the last pickup and whom it took over ("Carol 204"): its INVITE went to the line
        private string _pickupParty;
        private SipCall _seizeCall;         // the call a seized appearance went to, until it rings or answers
        private SharedLine _seizeCallLine;
        private readonly CallRecord[] _elsewhereRecord = new CallRecord[ElsewhereSlots];
        private readonly SharedLine[] _elsewhereLine = new SharedLine[ElsewhereSlots];
        private readonly string[] _elsewhereCaller = new string[ElsewhereSlots];
        private readonly long[] _elsewhereAt = new long[ElsewhereSlots];

        /// <summary>The line whose seize belongs to a call already placed (not given back when the dial screen goes).</summary>
        private SharedLine SeizeOwnerLine { get { return _seizeCall != null ? _seizeCallLine : null; } }

        /// <summary>
        /// Hook (Phone.Calls.cs PlaceCall): the call goes out on a shared appearance when one is being
        /// picked up or the dial screen's shared key has one seized: From the line's owner (credentials
        /// stay this phone's), Contact with the line's user, Call-Info with the appearance. Null otherwise.
        /// </summary>
        private SipCall SharedConnect(string target)
        {
            if (_pickup != null)
            {
                SharedAppearance pickup = _pickup;
                _pickup = null;
                SharedLine pickupLine = LineByUri(pickup.LineUri);
                ActiveLine = _pickupLine;
                SipCall taken = _calls.Connect(pickupLine.Account, target, pickup);
                if (!taken.IsEnded) pickupLine.Claim(pickup.Index, taken);
                return taken;
            }
            KeyConfig key = KeyOnLine(ActiveLine);
            if (key == null || key.Kind != KeyKind.Shared) return null;
            SharedLine line = SharedLineAt(key.Index);
            if (line == null || line.SeizeStatus != SeizeStatus.Seized) return null;
            SharedAppearance a = new SharedAppearance(line.LineUri, line.SeizedIndex);
            if (!line.IsOwnLine) a.Identity = (line.Delegation != null && line.Delegation.For != null ? SipText.Quote(line.Delegation.For) + " " : "") + "<" + line.LineUri + ">";
            _hw.Log.Write(LogLevel.Info, "phone", "calling " + target + " on appearance " + a.Index.ToString() + " of " + line.LineUri + (a.Identity != null ? " as " + a.Identity : ""));
            _seizeCall = null;
            SipCall call = _calls.Connect(line.Account, target, a);
            if (call.IsEnded) { line.ReleaseSeize(); return call; }
            line.Claim(a.Index, call);
            _seizeCall = call; // the seize stays until the call rings or answers (SharedCallChanged), or goes back if it fails
            _seizeCallLine = line;
            return call;
        }

        /// <summary>Picks up the call <paramref name="held"/> someone holds publicly on <paramref name="line"/> (the pickup permission).</summary>
        private void PickUpHeld(int number, SharedLine line, CallInfoAppearance held)
        {
            if (line.Delegation != null && !line.Delegation.PickUpHeld)
            {
                ShowMessage("Not allowed to pick up " + Owner(line) + "'s calls");
                return;
            }
            if (Registration != RegistrationState.Registered || _calls == null) { ShowMessage("No calls: not registered"); return; }
            if (Mode == PhoneMode.Dialing) HangUp();
            // PHONE-BEHAVIOUR: a NEW INVITE whose Request-URI, From and To are the line, Call-Info naming the held appearance.
            SharedAppearance a = new SharedAppearance(line.LineUri, held.Index);
            a.Identity = "<" + line.LineUri + ">";
            _pickup = a;
            _pickupLine = number;
            _hw.Log.Write(LogLevel.Info, "phone", "picking up appearance " + held.Index.ToString() + " of " + line.LineUri + " (" + held.ToString() + ")");
            PlaceCall(line.LineUri);
            _pickup = null;
            if (_call == null || _call.IsEnded) return;
            _pickupCall = _call;
            _pickupParty = held.RemoteText;
            ShowMessage("Pickup: " + (held.RemoteText == null ? "held call" : held.RemoteText));
        }

        /// <summary>Hook (Phone.Calls.cs IncomingCall): a call to a shared line rings on its key (the executive's own calls stay on the line key).</summary>
        private void SharedIncoming(SipCall call)
        {
            ReleaseSharedSeize(); // the call interrupted dialing: an appearance seized for it goes back
            SharedLine line = LineOfIncoming(call);
            if (line == null) return;
            int number = KeyNumberOf(line);
            if (!line.IsOwnLine && number > 0) ActiveLine = number;
            _hw.Log.Write(LogLevel.Info, "phone", "the call is for " + Owner(line) + "'s line" + (IsVipCall(call) ? " (VIP caller)" : ""));
        }

        /// <summary>Hook (Phone.Settings.Ring.cs StartRing): true for a VIP caller of the line's executive (the VIP ring and badge).</summary>
        private bool IsVipCall(SipCall call)
        {
            SharedLine line = LineOfCall(call);
            if (line == null || line.Delegation == null || call.RemoteParty == null || call.RemoteParty.Uri == null) return false;
            SipUri caller = call.RemoteParty.Uri;
            string user = caller.User == null ? null : SipUri.Unescape(caller.User);
            for (int i = 0; i < line.Delegation.VipCount; i++)
            {
                string vip = line.Delegation.VipAt(i);
                SipUri uri;
                string why;
                if (vip.IndexOf(':') > 0 && SipUri.TryParse(vip, out uri, out why))
                {
                    string vipUser = uri.User == null ? null : SipUri.Unescape(uri.User);
                    if (vipUser == user && SipText.EqualsIgnoreCase(uri.Host, caller.Host)) return true;
                }
                else if (user != null && vip == user)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Hook (Phone.Calls.cs AnswerCall): a call to a shared line is answered only with the answer
        /// permission, on the lowest appearance free in the table (or the one its INVITE names). False refuses.
        /// </summary>
        private bool SharedAnswer(SipCall call)
        {
            SharedLine line = LineOfIncoming(call);
            if (line == null) return true;
            if (!MayAnswer(line))
            {
                ShowMessage("Not allowed to answer"); // the call screen says whose call it is ("for Ann Lee") and has one line
                return false;
            }
            int index = 0;
            string problem;
            CallInfoAppearance[] named = CallInfoHeader.Read(call.IncomingInvite, out problem);
            for (int i = 0; i < named.Length && index == 0; i++) if (!named[i].IsAllOthers) index = named[i].Index;
            if (index == 0) index = line.FreeIndex();
            call.UseAppearance(new SharedAppearance(line.LineUri, index));
            line.Claim(index, call);
            return true;
        }

        /// <summary>Hook (Phone.Calls.cs CallStateChanged): once the call on a seized appearance rings or answers, the seize is spent.</summary>
        private void SharedCallChanged(SipCall call)
        {
            if (call != _seizeCall) return;
            if (call.State == CallState.Early || call.State == CallState.Connected)
            {
                _seizeCall = null;
                _seizeCallLine.SeizeUsed();
            }
        }

        /// <summary>Hook (Phone.Calls.cs CallEnded): the call leaves its appearance; a seize it never used goes back.</summary>
        private void SharedCallEnded(SipCall call)
        {
            if (call == _seizeCall)
            {
                _seizeCall = null;
                _seizeCallLine.ReleaseSeize();
            }
            if (call == _pickupCall) _pickupCall = null;
            if (_shared == null) return;
            for (int i = 0; i < _shared.Length; i++)
            {
                if (_shared[i] != null) _shared[i].Unclaim(call);
            }
        }

        /// <summary>Hook (Phone.Calls.cs EndText): a 403 on a shared line says the softswitch's reason ("Private call: not for pickup").</summary>
        private static string RefusalText(SipCall call)
        {
            string reason = call.EndReason;
            if (call.Appearance == null || call.EndStatus != 403 || reason == null) return "Call not allowed";
            return reason.Length > 4 && reason.Substring(0, 4) == "403 " ? reason.Substring(4) : reason;
        }

        /// <summary>Hook (Phone.Calls.cs DrawCall): "for Ann Lee" / "as Ann Lee", the VIP badge, a private hold and its softkey ("Priv").</summary>
        private void DecorateShared(CallModel m)
        {
            SharedLine line = LineOfCall(_call);
            if (line == null) return;
            if (!line.IsOwnLine) m.Line = (_call.Direction == CallDirection.Outgoing && _call.Appearance != null && _call.Appearance.Identity != null
                && _call.RemoteParty != null && _call.RemoteParty.UriText != line.LineUri ? "as " : "for ") + Owner(line);
            if (_call == _pickupCall && _pickupParty != null) { m.Name = _pickupParty; m.Number = null; } // not the line the INVITE went to
            if (IsVipCall(_call)) m.Badge = "VIP";
            if (_call.HeldPrivately) m.Title = "Private hold";
            if (Mode == PhoneMode.InCall && PrivateHoldPossible()) m.Soft3 = "Priv"; // a softkey slot shows 5 characters
        }

        /// <summary>Hook (Phone.Calls.cs CallSoftkey): "Private" holds the call privately; false for every other softkey.</summary>
        private bool SharedSoftkey(int n)
        {
            if (n != 3 || Mode != PhoneMode.InCall || !PrivateHoldPossible()) return false;
            if (!_call.HoldPrivately()) ShowMessage("Cannot hold the call now");
            return true;
        }

        private bool PrivateHoldPossible()
        {
            return _call != null && _call.Appearance != null && _call.State == CallState.Connected && !_call.LocalHold
                && !_call.ReinvitePending && _held.Count == 0 && _waiting == null && _xfer == TransferState.Idle;
        }

        /// <summary>
        /// Hook (Phone.History.cs RecordOf): a call on a shared line is labelled with who handled it (this
        /// phone's user); a call that rang here and was cancelled waits <see cref="ElsewhereWindowMs"/> for
        /// the line to show it answered on another phone.
        /// </summary>
        private void SharedRecord(SipCall call, CallRecord r)
        {
            SharedLine line = LineOfCall(call);
            if (line == null) return;
            if (call == _pickupCall && _pickupParty != null) r.Name = _pickupParty;
            if (r.Kind != CallKind.Missed) { r.HandledBy = _config.Device.Name; return; }
            if (r.Ending != CallEnding.Cancelled || call.RemoteParty == null) return;
            if (AnsweredByOthers(line, call.RemoteParty.UriText))
            {
                MarkElsewhere(r); // the line's NOTIFY beat the CANCEL (Kamailio sends them from different workers)
                return;
            }
            int slot = 0;
            for (int i = 0; i < ElsewhereSlots; i++)
            {
                if (_elsewhereRecord[i] == null) { slot = i; break; }
                if (_elsewhereAt[i] < _elsewhereAt[slot]) slot = i;
            }
            _elsewhereRecord[slot] = r;
            _elsewhereLine[slot] = line;
            _elsewhereCaller[slot] = call.RemoteParty.UriText;
            _elsewhereAt[slot] = _hw.Clock.NowMs;
        }

        /// <summary>A cancelled call of <paramref name="line"/> that now shows up active on someone else's appearance was answered elsewhere.</summary>
        private void ResolveElsewhere(SharedLine line)
        {
            bool changed = false;
            for (int i = 0; i < ElsewhereSlots; i++)
            {
                if (_elsewhereRecord[i] == null || _elsewhereLine[i] != line) continue;
                if (_hw.Clock.NowMs - _elsewhereAt[i] > ElsewhereWindowMs) { _elsewhereRecord[i] = null; continue; }
                if (!AnsweredByOthers(line, _elsewhereCaller[i])) continue;
                CallRecord r = _elsewhereRecord[i];
                _elsewhereRecord[i] = null;
                MarkElsewhere(r);
                changed = true;
                _hw.Log.Write(LogLevel.Info, "history", "the call from " + r.Shown + " was answered on another phone of " + line.LineUri);
            }
            if (changed) SaveHistory();
        }

        /// <summary>A call of the line that rang here counts as received elsewhere: not missed, not unread.</summary>
        private static void MarkElsewhere(CallRecord r)
        {
            r.Kind = CallKind.Received;
            r.Unread = false;
            r.HandledBy = HandledElsewhere;
        }

        /// <summary>What <see cref="CallRecord.HandledBy"/> says for a call of the line another phone answered.</summary>
        public const string HandledElsewhere = "elsewhere";

        private static bool AnsweredByOthers(SharedLine line, string callerUri)
        {
            SipUri caller;
            string why;
            if (!SipUri.TryParse(callerUri, out caller, out why)) return false;
            for (int i = 0; i < line.Appearances.Count; i++)
            {
                CallInfoAppearance a = line.Appearances.At(i);
                if (line.IsMine(a.Index)) continue;
                if (a.State != AppearanceState.Active && a.State != AppearanceState.Held && a.State != AppearanceState.HeldPrivate) continue;
                SipNameAddr party = a.RemoteParty;
                if (party == null || party.Uri == null) continue;
                if (party.Uri.User == caller.User && SipText.EqualsIgnoreCase(party.Uri.Host, caller.Host)) return true;
            }
            return false;
        }

        /// <summary>Hook (Phone.History.cs DetailText): "Answered by Bob Stone", "Placed by Bob Stone", "Answered elsewhere" (the row above names the party).</summary>
        private static string SharedDetail(CallRecord r)
        {
            if (r.HandledBy == HandledElsewhere) return "Answered elsewhere";
            return (r.Kind == CallKind.Placed ? "Placed by " : "Answered by ") + r.HandledBy;
        }

        /// <summary>True when <paramref name="call"/> is this phone's call on <paramref name="line"/> (or rings for it).</summary>
        private bool OnLine(SipCall call, SharedLine line)
        {
            return call != null && LineOfCall(call) == line;
        }

        /// <summary>The shared line <paramref name="call"/> is on: its appearance's, or for a call ringing in, the line its To names.</summary>
        private SharedLine LineOfCall(SipCall call)
        {
            if (call == null || _shared == null) return null;
            if (call.Appearance != null) return LineByUri(call.Appearance.LineUri);
            for (int i = 0; i < _shared.Length; i++)
            {
                if (_shared[i] != null && _shared[i].Carries(call)) return _shared[i];
            }
            return call.Direction == CallDirection.Incoming ? LineOfIncoming(call) : null;
        }

        /// <summary>The shared line whose user the incoming call's To names, or null.</summary>
        private SharedLine LineOfIncoming(SipCall call)
        {
            if (_shared == null || call == null || call.Direction != CallDirection.Incoming || call.LocalParty == null || call.LocalParty.Uri == null) return null;
            string user = call.LocalParty.Uri.User == null ? null : SipUri.Unescape(call.LocalParty.Uri.User);
            if (user == null) return null;
            for (int i = 0; i < _shared.Length; i++)
            {
                if (_shared[i] != null && _shared[i].User == user) return _shared[i];
            }
            return null;
        }

        private SharedLine LineByUri(string lineUri)
        {
            if (_shared == null) return null;
            for (int i = 0; i < _shared.Length; i++)
            {
                if (_shared[i] != null && _shared[i].LineUri == lineUri) return _shared[i];
            }
            return null;
        }
    }
}
