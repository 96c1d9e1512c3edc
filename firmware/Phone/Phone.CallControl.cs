// Where keys, softkeys and the call screen reach call waiting, transfer, park and redial (the hooks' other ends).
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>A key during a call (Phone.Keys.cs CallKey asks first); false lets the plain call keys act.</summary>
        private bool CallControlKey(int keyCode)
        {
            if (_xfer == TransferState.Entering && _call == _xferCall && TransferEntryKey(keyCode)) return true;
            if (keyCode == KeyCodes.Transfer) { TransferKey(); return true; }
            if (keyCode == KeyCodes.Park) { ParkCall(null); return true; }
            if (_waiting != null && Mode == PhoneMode.InCall)
            {
                if (keyCode == KeyCodes.Ok) { AnswerWaiting(); return true; }
                if (KeyCodes.IsLine(keyCode) && KeyCodes.LineNumber(keyCode) == _waitingLine) { AnswerWaiting(); return true; }
            }
            if (!KeyCodes.IsLine(keyCode)) return false;
            int line = KeyCodes.LineNumber(keyCode);
            SipCall held = line == ActiveLine ? null : _held.OnLine(line);
            if (held != null) { SwapTo(held); return true; }
            KeyConfig key = KeyOnLine(line);
            if (key != null && key.Kind == KeyKind.Park) { ParkCall(key); return true; } // a slot key in a call parks there
            return false;
        }

        /// <summary>Redial, Transfer and Park keys outside a call (Phone.Keys.cs).</summary>
        private void CallControlIdleKey(int keyCode)
        {
            if (keyCode == KeyCodes.Redial) Redial();
            else ShowMessage(KeyCodes.Name(keyCode) + ": needs a call");
        }

        /// <summary>A feature key (Phone.Keys.cs FeatureKey): redial, and transfer, park, hold and mute in a call. False when it needs a call.</summary>
        private bool CallFeature(string feature)
        {
            if (feature == KeyFeatures.Redial) { Redial(); return true; }
            if (!InCallMode || _call == null) return false;
            if (feature == KeyFeatures.Transfer) TransferKey();
            else if (feature == KeyFeatures.Park) ParkCall(null);
            else if (feature == KeyFeatures.Hold) ToggleHold();
            else if (feature == KeyFeatures.Mute && Mode == PhoneMode.InCall) ToggleMute();
            else return false;
            return true;
        }

        /// <summary>Softkeys on the call screens (Phone.Calls.cs CallSoftkey asks first); false lets Answer/Hold/End act.</summary>
        private bool CallControlSoftkey(int n)
        {
            if (_xfer == TransferState.Entering && _call == _xferCall) { TransferEntrySoftkey(n); return true; }
            if (_waiting != null && Mode == PhoneMode.InCall)
            {
                if (n == 1) AnswerWaiting();
                else if (n == 4) RejectWaiting();
                return true;
            }
            if (TransferBusy) return n != 4; // only End while the REFER runs
            if (_xfer == TransferState.Consulting && _call == _xferConsult)
            {
                if (n != 2) return false;
                CompleteTransfer();
                return true;
            }
            if (Mode != PhoneMode.InCall || _call == null || _call.State != CallState.Connected || _xfer != TransferState.Idle) return false;
            if (n == 2) { StartTransfer(); return true; }
            if (n == 3)
            {
                if (_held.Count > 0) SwapTo(_held.CallAt(_held.Count - 1));
                else if (HasParkSlot) ParkCall(null);
                return true;
            }
            return false;
        }

        /// <summary>Screens that replace the call screen (Phone.Calls.cs DrawCall asks first): transfer entry, call waiting.</summary>
        private bool DrawCallOverlay()
        {
            if (_xfer == TransferState.Entering && _call == _xferCall) { StopMarquee(); DrawTransferEntry(); return true; }
            if (_waiting != null && Mode == PhoneMode.InCall) { DrawCallWaiting(); return true; }
            return false;
        }

        /// <summary>The call screen's extras (Phone.Calls.cs DrawCall, before drawing): held calls, transfer progress, softkeys.</summary>
        private void DecorateCall(CallModel m)
        {
            if (_held.Count > 0) m.Line = (m.Line == null ? "" : m.Line + "  ") + "+" + _held.Count.ToString() + " held";
            if (_xfer != TransferState.Idle) { DecorateTransfer(m); return; }
            if (Mode != PhoneMode.InCall || _call.State != CallState.Connected) return;
            if (m.Soft2 == null) m.Soft2 = "Xfer";
            if (m.Soft3 == null) m.Soft3 = _held.Count > 0 ? "Swap" : HasParkSlot ? "Park" : null;
        }

        /// <summary>
        /// The handset goes down during a call (Phone.Dialing.cs OnHook): a held call, or one being
        /// transferred, stays (sound moves to the speaker for when it is resumed); true when it stays.
        /// </summary>
        private bool KeepCallOnHook()
        {
            bool keep = _call != null && (_call.LocalHold || (_xfer != TransferState.Idle && _xfer != TransferState.Consulting && _call == _xferCall));
            if (!keep) return false;
            Route = AudioRoute.Speaker;
            _audio.Route(Route);
            Redraw();
            return true;
        }
    }
}
