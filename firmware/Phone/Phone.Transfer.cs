// Transfer: blind (REFER to the number typed) and attended (a consultation call, then REFER with Replaces).
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private TransferState _xfer;
        private SipCall _xferCall;      // the call handed over (its far end is the transferee)
        private SipCall _xferConsult;   // attended: our call to the target
        private string _xferTarget;     // blind, semi-attended and park: where the REFER sends the transferee
        private string _xferTargetName; // the target as the screen names it: "203"
        private string _xferDigits = "";
        private string _xferDone;       // what the screen says once it worked: "Transferred", "Parked on 701"
        private string _xferProgress;   // the last progress heard: "Trying", "Ringing"...
        private bool _xferPark;
        private bool _xferAccepted;     // the REFER's own 2xx came
        private bool _xferHoldAsked;    // we sent the hold the REFER waits for

        /// <summary>Where the user's transfer (or park) stands.</summary>
        public TransferState Transfer { get { return _xfer; } }

        /// <summary>The number typed on the "Transfer to" screen.</summary>
        public string TransferDigits { get { return _xferDigits; } }

        private void SetTransferState(TransferState next)
        {
            if (_xfer == next) return;
            _hw.Log.Write(LogLevel.Info, "phone", "transfer: " + TransferStateName(_xfer) + " -> " + TransferStateName(next));
            _xfer = next;
        }

        private static string TransferStateName(TransferState s)
        {
            switch (s)
            {
                case TransferState.Entering: return "Entering";
                case TransferState.Consulting: return "Consulting";
                case TransferState.AwaitingHold: return "AwaitingHold";
                case TransferState.Referring: return "Referring";
                case TransferState.Completing: return "Completing";
                default: return "Idle";
            }
        }

        /// <summary>The Transfer key, feature or softkey: start, send a blind one from the entry screen, or complete an attended one.</summary>
        private void TransferKey()
        {
            if (_xfer == TransferState.Idle) StartTransfer();
            else if (_xfer == TransferState.Entering) BlindTransfer();
            else if (_xfer == TransferState.Consulting) CompleteTransfer();
        }

        /// <summary>Holds the call in front and opens the "Transfer to" screen.</summary>
        private void StartTransfer()
        {
            if (_xfer != TransferState.Idle) return;
            if (_call == null || _call.State != CallState.Connected || Mode != PhoneMode.InCall) { ShowMessage("Transfer: needs a connected call"); return; }
            ClearTransfer();
            _xferCall = _call;
            if (!_call.LocalHold && !_call.ReinvitePending) _xferHoldAsked = _call.Hold();
            SetTransferState(TransferState.Entering);
            Refresh();
        }

        /// <summary>Keys on the "Transfer to" screen; false lets the key do what it does in a call.</summary>
        private bool TransferEntryKey(int keyCode)
        {
            if (KeyCodes.IsDialPad(keyCode))
            {
                if (_xferDigits.Length >= MaxDigits) ShowMessage("Number too long");
                else { _xferDigits = _xferDigits + new string(KeyCodes.DialChar(keyCode), 1); Redraw(); }
                return true;
            }
            if (keyCode == KeyCodes.Ok || keyCode == KeyCodes.Transfer) { BlindTransfer(); return true; }
            if (keyCode == KeyCodes.Back) { TransferBackspace(); return true; }
            return false;
        }

        /// <summary>Softkeys of the "Transfer to" screen: Blind, Call (attended), Del, Cancel.</summary>
        private void TransferEntrySoftkey(int n)
        {
            if (n == 1) BlindTransfer();
            else if (n == 2) ConsultTransfer();
            else if (n == 3) TransferBackspace();
            else if (n == 4) CancelTransfer();
        }

        private void TransferBackspace()
        {
            if (_xferDigits.Length == 0) { CancelTransfer(); return; }
            _xferDigits = _xferDigits.Substring(0, _xferDigits.Length - 1);
            Redraw();
        }

        /// <summary>Back to the held call (it stays on hold until the user resumes it).</summary>
        private void CancelTransfer()
        {
            SetTransferState(TransferState.Idle);
            ClearTransfer();
            Refresh();
        }

        /// <summary>Blind: REFER the held call to the number typed, once its hold is acknowledged.</summary>
        private void BlindTransfer()
        {
            if (_xferDigits.Length == 0) { ShowMessage("Enter a number first"); return; }
            string refusal;
            if (!MayDial(_xferDigits, out refusal)) { ShowMessage(refusal); return; } // Phone.Roles.cs: a restricted phone hands calls only to numbers it may dial
            _xferTarget = _xferDigits;
            _xferTargetName = _xferDigits;
            _xferDone = "Transferred";
            SetTransferState(TransferState.AwaitingHold);
            TryRefer();
            Refresh();
        }

        /// <summary>Attended: calls the number typed on a free appearance while the first call waits on hold.</summary>
        private void ConsultTransfer()
        {
            if (_xferDigits.Length == 0) { ShowMessage("Enter a number first"); return; }
            string refusal;
            if (!MayDial(_xferDigits, out refusal)) { ShowMessage(refusal); return; } // Phone.Roles.cs: a restricted phone hands calls only to numbers it may dial
            if (Registration != RegistrationState.Registered || _calls == null) { ShowMessage("No calls: not registered"); return; }
            if (CallCount() >= MaxCalls) { ShowMessage("No free line"); return; }
            string number = _xferDigits;
            SipCall consult = _calls.Connect(_xferCall.Account, number);
            if (consult == null || consult.IsEnded) { ShowMessage("Cannot call " + number); return; }
            RememberDialed(number);
            int line = FreeLine(consult.Account);
            SetFocusAside();
            _call = consult;
            ActiveLine = line;
            Mode = PhoneMode.Calling;
            _audio.Open(ToneRate, Route);
            _audio.Play(null);
            _xferConsult = consult;
            SetTransferState(TransferState.Consulting);
            _hw.Log.Write(LogLevel.Info, "phone", "consultation call to " + number);
            Refresh();
        }

        /// <summary>
        /// Attended, second press: REFER the held call to the target with Replaces naming our dialog with
        /// it. While the target still rings (semi-attended) our call to it is cancelled and the REFER is blind.
        /// </summary>
        private void CompleteTransfer()
        {
            SipCall consult = _xferConsult;
            if (consult == null || consult.IsEnded) return;
            _xferDone = "Transferred";
            _xferTargetName = PartyNumber(consult);
            if (consult.State != CallState.Connected)
            {
                _xferTarget = consult.RemoteUri; // semi-attended: a blind REFER, our ringing call cancelled
                consult.Hangup();
            }
            SetTransferState(TransferState.AwaitingHold);
            TryRefer();
            Refresh();
        }

        /// <summary>Sends the REFER when the call to hand over is held (PHONE-BEHAVIOUR.md: never before the hold's 2xx).</summary>
        private void TryRefer()
        {
            if (_xfer != TransferState.AwaitingHold) return;
            SipCall call = _xferCall;
            if (call == null || call.IsEnded || call.State != CallState.Connected) { TransferFailed(0); return; }
            if (call.ReinvitePending) return; // HoldSettled calls again
            if (!call.LocalHold)
            {
                if (_xferHoldAsked) { TransferFailed(0); return; } // the far end refused the hold
                _xferHoldAsked = call.Hold();
                if (!_xferHoldAsked) TransferFailed(0);
                return;
            }
            bool sent = _xferTarget == null ? call.TransferTo(_xferConsult) : call.Transfer(_xferTarget);
            if (!sent) { TransferFailed(0); return; }
            _xferAccepted = false;
            _xferProgress = null;
            SetTransferState(TransferState.Referring);
        }

        /// <summary>A hold (or another re-INVITE) of <paramref name="call"/> finished.</summary>
        private void TransferHoldSettled(SipCall call)
        {
            if (_xfer == TransferState.AwaitingHold && call == _xferCall) { TryRefer(); Refresh(); }
        }

        /// <summary>Progress of our REFER: true when it was ours (the phone's plain messages stay out).</summary>
        private bool TransferProgressed(SipCall call, int status)
        {
            if (call != _xferCall || _xfer != TransferState.Referring) return false;
            if (status >= 300) { TransferFailed(status); return true; }
            if (status < 200)
            {
                _xferProgress = status == 180 || status == 183 ? "Ringing" : "Trying";
            }
            else if (!_xferAccepted)
            {
                _xferAccepted = true; // the REFER's 202
                _xferProgress = "Accepted";
            }
            else
            {
                Completed();
                return true;
            }
            _hw.Log.Write(LogLevel.Info, "phone", "transfer progress " + status.ToString());
            Refresh();
            return true;
        }

        /// <summary>The transferee reported 200: both our legs hang up.</summary>
        private void Completed()
        {
            SipCall call = _xferCall;
            SipCall consult = _xferConsult;
            SetTransferState(TransferState.Completing);
            _hw.Log.Write(LogLevel.Info, "phone", _xferDone);
            if (call != null && !call.IsEnded) call.Hangup();
            if (consult != null && !consult.IsEnded) consult.Hangup();
            Refresh();
        }

        private void TransferFailed(int status)
        {
            string text = (_xferPark ? "Park" : "Transfer") + " failed" + (status > 0 ? " (" + status.ToString() + ")" : "");
            _hw.Log.Write(LogLevel.Info, "phone", text);
            SetTransferState(TransferState.Idle);
            ClearTransfer();
            ShowMessage(text);
        }

        /// <summary>One of the transfer's calls ended (the phone already moved on to what is left).</summary>
        private void TransferCallEnded(SipCall call)
        {
            if (_xfer == TransferState.Idle) return;
            bool completing = _xfer == TransferState.Completing;
            if (call == _xferConsult)
            {
                _xferConsult = null;
                if (_xfer == TransferState.Consulting) { SetTransferState(TransferState.Idle); ClearTransfer(); return; }
                if (_xfer == TransferState.AwaitingHold && _xferTarget == null) { TransferFailed(0); return; }
                if (_xferTarget != null && !completing) ClearMessage(); // our own CANCEL of the ringing target: not news
            }
            else if (call == _xferCall)
            {
                _xferCall = null;
                if (_xfer != TransferState.Referring && !completing)
                {
                    SetTransferState(TransferState.Idle); // the transferee hung up first
                    ClearTransfer();
                    return;
                }
                completing = true; // ended by the far end after taking the REFER: it is on its way
            }
            else return;
            if (completing && _xferDone != null) ShowMessage(_xferDone);
            if (_xferCall == null && (_xferConsult == null || _xfer != TransferState.Completing))
            {
                SetTransferState(TransferState.Idle);
                ClearTransfer();
            }
        }

        private void ClearTransfer()
        {
            _xferCall = null;
            _xferConsult = null;
            _xferTarget = null;
            _xferTargetName = null;
            _xferDigits = "";
            _xferDone = null;
            _xferProgress = null;
            _xferPark = false;
            _xferAccepted = false;
            _xferHoldAsked = false;
        }

        /// <summary>True while the call in front is part of a transfer that has gone past the entry screen.</summary>
        private bool TransferBusy
        {
            get
            {
                return (_xfer == TransferState.AwaitingHold || _xfer == TransferState.Referring || _xfer == TransferState.Completing)
                    && _call != null && (_call == _xferCall || _call == _xferConsult);
            }
        }

        private void DrawTransferEntry()
        {
            TransferModel m = new TransferModel();
            m.Title = "Transfer to:";
            m.Held = PartyName(_xferCall) + (_xferCall.LocalHold ? " (held)" : " (holding)");
            m.Digits = _xferDigits;
            m.Message = Message;
            TransferView.Draw(_screen, m);
        }

        /// <summary>Titles, progress and softkeys of the call screen while a transfer runs.</summary>
        private void DecorateTransfer(CallModel m)
        {
            if (_xfer == TransferState.Consulting && _call == _xferConsult)
            {
                m.Line = "Transfer: " + PartyName(_xferCall) + " held";
                m.Soft2 = "Xfer";
                return;
            }
            if (!TransferBusy) return;
            m.Title = _xferPark ? "Parking" : "Transferring";
            if (m.Message == null)
            {
                if (_xferPark) m.Message = _xferProgress == null ? "Parking..." : "Park: " + _xferProgress;
                else m.Message = (_xferTargetName == null ? "" : _xferTargetName + ": ") + (_xferProgress == null ? "..." : _xferProgress);
            }
            m.Soft1 = null;
            m.Soft2 = null;
            m.Soft3 = null;
        }
    }
}
