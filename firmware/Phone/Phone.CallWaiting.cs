// Call waiting and call appearances: a second call rings in during a call; held calls wait on their line keys.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The call in front stays in <c>_call</c> (Phone.Calls.cs); the others are either the one call
    /// waiting (ringing in during a call) or held calls, each on a line key (an appearance). Answering
    /// the waiting call, or switching to a held one, holds the call in front first and acts only once
    /// that hold is acknowledged.
    /// </summary>
    public sealed partial class Phone
    {
        private const int AfterHoldNothing = 0;
        private const int AfterHoldAnswer = 1;   // answer the waiting call
        private const int AfterHoldSwitch = 2;   // bring _switchTo to the front

        private readonly CallAppearances _held = new CallAppearances();
        private SipCall _waiting;
        private int _waitingLine;
        private int _afterHold;
        private bool _holdAgain;      // a re-INVITE was already running: hold once it is done
        private SipCall _switchTo;

        /// <summary>The call ringing in during a call (call waiting), or null.</summary>
        public SipCall WaitingCall { get { return _waiting; } }

        /// <summary>Calls kept on hold besides the one in front.</summary>
        public int HeldCalls { get { return _held.Count; } }

        /// <summary>How many calls the phone carries at once: one per line key, at least two (a line key's second appearance).</summary>
        public int MaxCalls
        {
            get
            {
                int lines = 0;
                for (int i = 0; i < _config.KeyCount; i++)
                {
                    if (_config.KeyAt(i).Kind == KeyKind.Line) lines++;
                }
                return lines < 2 ? 2 : lines;
            }
        }

        private int CallCount()
        {
            int n = _held.Count;
            if (_call != null && !_call.IsEnded) n++;
            if (_waiting != null) n++;
            return n;
        }

        /// <summary>A new call while another is up: call waiting when it may ring in, else 486 (480 with DND).</summary>
        private int CallWaitingDecision(SipCall call)
        {
            if (_settings.Dnd) return CallDecision.Unavailable;
            if (!_config.Features.CallWaiting || Mode != PhoneMode.InCall || _call.State != CallState.Connected
                || _waiting != null || _xfer != TransferState.Idle || CallCount() >= MaxCalls)
                return CallDecision.Busy;
            _waiting = call;
            _waitingLine = FreeLine(call.Account);
            _audio.PlayOver(Tone.CallWaiting);
            _hw.Log.Write(LogLevel.Info, "phone", "call waiting from " + PartyName(call) + " on line " + _waitingLine.ToString());
            Refresh();
            return CallDecision.Ring;
        }

        /// <summary>Answer the waiting call: the call in front goes on hold first.</summary>
        private void AnswerWaiting()
        {
            if (_waiting == null) return;
            int hold = HoldFront(AfterHoldAnswer);
            if (hold == 0) TakeWaiting();
            else if (hold < 0) ShowMessage("Cannot hold the call now");
            else Refresh();
        }

        /// <summary>Reject the waiting call (603, as a ringing call is declined); the call in front goes on.</summary>
        private void RejectWaiting()
        {
            SipCall w = _waiting;
            if (w == null) return;
            _waiting = null;
            if (_afterHold == AfterHoldAnswer) _afterHold = AfterHoldNothing;
            _audio.PlayOver(null);
            w.Reject(CallDecision.Decline);
            Refresh();
        }

        /// <summary>The call in front is held (or gone): the waiting call comes to the front, answered.</summary>
        private void TakeWaiting()
        {
            SipCall next = _waiting;
            int line = _waitingLine;
            _waiting = null;
            _audio.PlayOver(null);
            if (next == null || next.IsEnded) { Refresh(); return; }
            SetFocusAside();
            _call = next;
            ActiveLine = line;
            Mode = PhoneMode.Ringing;
            AnswerCall(_keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : Route);
        }

        /// <summary>Switch to the held call <paramref name="target"/>: hold the call in front, then resume it.</summary>
        private void SwapTo(SipCall target)
        {
            if (target == null || !_held.Contains(target) || _xfer != TransferState.Idle) return;
            _switchTo = target;
            int hold = HoldFront(AfterHoldSwitch);
            if (hold == 0) SwitchTo(target);
            else if (hold < 0) { _switchTo = null; ShowMessage("Cannot hold the call now"); }
            else Refresh();
        }

        /// <summary>Brings the held <paramref name="target"/> to the front and resumes it; the call that was there stays held.</summary>
        private void SwitchTo(SipCall target)
        {
            _switchTo = null;
            if (target == null || target.IsEnded || !_held.Contains(target)) { Refresh(); return; }
            int line = _held.LineOf(target);
            long since = SinceOf(target);
            _held.Remove(target);
            SetFocusAside();
            _call = target;
            ActiveLine = line;
            _connectedAtMs = since;
            Mode = PhoneMode.InCall;
            if (target.LocalHold) target.Resume();
            Refresh();
        }

        private long SinceOf(SipCall call)
        {
            for (int i = 0; i < _held.Count; i++)
            {
                if (_held.CallAt(i) == call) return _held.SinceAt(i);
            }
            return _hw.Clock.NowMs;
        }

        /// <summary>
        /// Holds the call in front before <paramref name="action"/>: 0 when it is held or there is nothing
        /// to hold (go ahead now), 1 when the action waits for the hold's answer, -1 when it cannot be held.
        /// </summary>
        private int HoldFront(int action)
        {
            if (_call == null || _call.IsEnded || _call.State != CallState.Connected) return 0;
            if (_call.LocalHold && !_call.ReinvitePending) return 0;
            _afterHold = action;
            _holdAgain = false;
            if (_call.ReinvitePending) { _holdAgain = true; return 1; }
            if (_call.Hold()) return 1;
            _afterHold = AfterHoldNothing;
            return -1;
        }

        /// <summary>A re-INVITE of <paramref name="call"/> finished (Phone.Calls.cs CallUpdated): what waited for a hold goes on.</summary>
        private void HoldSettled(SipCall call)
        {
            if (call.ReinvitePending) return;
            if (call == _call && _afterHold != AfterHoldNothing)
            {
                if (!call.LocalHold && _holdAgain)
                {
                    _holdAgain = false;
                    if (call.Hold()) return;
                }
                int action = _afterHold;
                _afterHold = AfterHoldNothing;
                _holdAgain = false;
                if (!call.LocalHold) { _switchTo = null; ShowMessage("Hold failed"); }
                else if (action == AfterHoldAnswer) TakeWaiting();
                else if (action == AfterHoldSwitch) SwitchTo(_switchTo);
            }
            TransferHoldSettled(call);
        }

        /// <summary>Moves the call in front (when it is still up) to the held calls and frees the audio for another.</summary>
        private void SetFocusAside()
        {
            if (_call == null) return;
            if (_call == _mediaCall) StopMedia();
            if (!_call.IsEnded && _call.State == CallState.Connected) _held.Add(_call, ActiveLine, _connectedAtMs);
            _call = null;
        }

        /// <summary>A call not in front ended: the waiting one or a held one.</summary>
        private void OtherCallEnded(SipCall call)
        {
            if (call == _waiting)
            {
                _waiting = null;
                _audio.PlayOver(null);
                if (_afterHold == AfterHoldAnswer) _afterHold = AfterHoldNothing;
            }
            _held.Remove(call);
            if (call == _switchTo)
            {
                _switchTo = null;
                if (_afterHold == AfterHoldSwitch) _afterHold = AfterHoldNothing;
            }
            TransferCallEnded(call);
            Refresh();
        }

        /// <summary>
        /// The call in front ended (Phone.Calls.cs CallEnded has put the phone back to idle): what the user
        /// was waiting for happens now, else the waiting call rings normally, else a held call comes to the
        /// front, still on hold, and the screen says so.
        /// </summary>
        private void NextCallAfter(SipCall ended)
        {
            int action = _afterHold;
            _afterHold = AfterHoldNothing;
            _holdAgain = false;
            TransferCallEnded(ended);
            if (_call != null) return;
            if (_waiting != null)
            {
                if (action == AfterHoldAnswer) TakeWaiting();
                else RingWaiting();
                return;
            }
            if (action == AfterHoldSwitch && _switchTo != null) { SwitchTo(_switchTo); return; }
            for (int i = _held.Count - 1; i >= 0; i--)
            {
                SipCall held = _held.CallAt(i);
                if (held.IsEnded || held.State != CallState.Connected) continue;
                int line = _held.LineAt(i);
                _connectedAtMs = _held.SinceAt(i);
                _held.Remove(held);
                _call = held;
                ActiveLine = line;
                Mode = PhoneMode.InCall;
                _hw.Log.Write(LogLevel.Info, "phone", "back to the call on hold with " + PartyName(held));
                Refresh();
                return;
            }
        }

        /// <summary>The call in front went away while one waited: it rings like any incoming call.</summary>
        private void RingWaiting()
        {
            SipCall w = _waiting;
            _waiting = null;
            _call = w;
            ActiveLine = _waitingLine;
            Mode = PhoneMode.Ringing;
            Route = AudioRoute.Speaker;
            _audio.Open(ToneRate, AudioRoute.Speaker);
            StartRing(w); // Phone.Settings.Ring.cs: the line's cadence and volume
            Refresh();
        }

        /// <summary>The line key for another call: a free line key of <paramref name="account"/>, else any free one, else the line in use (its second appearance).</summary>
        private int FreeLine(AccountConfig account)
        {
            KeyConfig[] keys = PageKeys();
            int any = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Kind != KeyKind.Line || LineCarriesCall(i + 1)) continue;
                if (keys[i].Account == account) return i + 1;
                if (any == 0) any = i + 1;
            }
            if (any != 0) return any;
            return ActiveLine != 0 ? ActiveLine : FirstLineKey();
        }

        private bool LineCarriesCall(int line)
        {
            if (_call != null && line == ActiveLine) return true;
            if (_waiting != null && line == _waitingLine) return true;
            return _held.OnLine(line) != null;
        }

        /// <summary>The lamp of a line key carrying a call not in front: ringing for the waiting call (fast green), held by me for a held one (slow green).</summary>
        private bool AppearanceLamp(int number, out LampState lamp)
        {
            lamp = LampState.Off;
            if (_waiting != null && number == _waitingLine)
            {
                lamp = _config.LampScheme.For(LampMeaning.RingingMine);
                return true;
            }
            if (_call != null && number == ActiveLine) return false; // the call in front shows
            if (_held.OnLine(number) == null) return false;
            lamp = _config.LampScheme.For(LampMeaning.HeldByMe);
            return true;
        }

        /// <summary>The call-waiting screen: who rings in, on which line, who we are talking to; Answer / Reject.</summary>
        private void DrawCallWaiting()
        {
            CallModel m = new CallModel();
            m.Title = "Call waiting";
            m.Name = PartyName(_waiting);
            m.Number = PartyNumber(_waiting);
            KeyConfig key = KeyOnLine(_waitingLine);
            m.Line = key == null ? null : key.Label;
            m.Message = Message != null ? Message : (_afterHold == AfterHoldAnswer ? "Holding " : "Now: ") + PartyName(_call);
            m.Soft1 = "Answer";
            m.Soft4 = "Reject";
            CallView.Draw(_screen, m);
            FollowMarquee(m);
        }
    }
}
