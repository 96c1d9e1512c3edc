// What each key does, by mode.
using DeskPhone.Firmware.Config;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <inheritdoc/>
        public void KeyPressed(int keyCode)
        {
            if (ContactChoiceKey(keyCode)) return; // Phone.Contacts.cs: the list to choose a call's contact from
            if (MenuKey(keyCode)) return; // Phone.Settings.cs: the history and settings screens (closed first by keys that leave them)
            if (PairingKey(keyCode)) return; // Phone.Pairing.cs: Accept / Reject / Later on a pairing request
            if (keyCode == KeyCodes.Hook) { OffHook(); return; }
            if (Mode == PhoneMode.KeyInfo) { Mode = PhoneMode.Idle; Refresh(); return; }
            if (QualityKey(keyCode)) return; // Phone.Quality.cs
            if (InCallMode && CallKey(keyCode)) return;
            if (KeyCodes.IsLine(keyCode)) { LineKeyPressed(KeyCodes.LineNumber(keyCode)); return; }
            if (KeyCodes.IsDialPad(keyCode)) { Digit(KeyCodes.DialChar(keyCode)); return; }
            switch (keyCode)
            {
                case KeyCodes.Speaker: SpeakerKey(); break;
                case KeyCodes.Headset: HeadsetKey(); break;
                case KeyCodes.Dnd: ToggleDnd(); break;
                case KeyCodes.Record: ToggleRecording(); break; // Phone.Recording.cs
                case KeyCodes.VolumeUp: ChangeVolume(1); break;
                case KeyCodes.VolumeDown: ChangeVolume(-1); break;
                case KeyCodes.Page: NextPage(); break;
                case KeyCodes.Redial: case KeyCodes.Transfer: case KeyCodes.Park: CallControlIdleKey(keyCode); break;
                case KeyCodes.Ok: if (Mode == PhoneMode.Dialing) Dial(); break;
                case KeyCodes.Back: if (Mode == PhoneMode.Dialing) Backspace(); break;
                case KeyCodes.Soft1: Softkey(1); break;
                case KeyCodes.Soft1 + 1: Softkey(2); break;
                case KeyCodes.Soft1 + 2: Softkey(3); break;
                case KeyCodes.Soft1 + 3: Softkey(4); break;
                default: ShowMessage(KeyCodes.Name(keyCode) + ": not available yet"); break;
            }
        }

        /// <inheritdoc/>
        public void KeyLongPressed(int keyCode)
        {
            if (QualityLongPress(keyCode)) return; // Phone.Quality.cs
            if (MenuLongPress(keyCode)) return; // Phone.Settings.cs: long OK opens the settings
            if (Mode != PhoneMode.Idle || !KeyCodes.IsLine(keyCode)) return;
            ShowKeyInfo(KeyCodes.LineNumber(keyCode));
        }

        /// <inheritdoc/>
        public void KeyRepeated(int keyCode)
        {
            if (keyCode == KeyCodes.VolumeUp) ChangeVolume(1);
            else if (keyCode == KeyCodes.VolumeDown) ChangeVolume(-1);
        }

        /// <inheritdoc/>
        public void KeyReleased(int keyCode, bool afterLongPress)
        {
            if (keyCode == KeyCodes.Hook) OnHook();
            else if (KeyCodes.IsDialPad(keyCode)) DigitReleased();
        }

        private bool InCallMode
        {
            get { return Mode == PhoneMode.Ringing || Mode == PhoneMode.Calling || Mode == PhoneMode.InCall; }
        }

        /// <summary>Keys with a meaning during a call; false lets the key do what it does otherwise.</summary>
        private bool CallKey(int keyCode)
        {
            if (CallControlKey(keyCode)) return true; // Phone.CallControl.cs: transfer, park, call waiting, held calls
            if (keyCode >= KeyCodes.Soft1 && keyCode <= KeyCodes.Soft1 + 3) { CallSoftkey(keyCode - KeyCodes.Soft1 + 1); return true; }
            if (keyCode == KeyCodes.Hold) { ToggleHold(); return true; }
            if (keyCode == KeyCodes.Mute && Mode == PhoneMode.InCall) { ToggleMute(); return true; }
            if (KeyCodes.IsDialPad(keyCode) && Mode == PhoneMode.InCall) { DigitInCall(KeyCodes.DialChar(keyCode)); return true; }
            if (keyCode == KeyCodes.Ok && Mode == PhoneMode.Ringing) { CallSoftkey(1); return true; }
            if (KeyCodes.IsLine(keyCode) && KeyCodes.LineNumber(keyCode) == ActiveLine)
            {
                if (Mode == PhoneMode.Ringing) CallSoftkey(1);
                else EndCall();
                return true;
            }
            return false;
        }

        private void Softkey(int n)
        {
            if (Mode == PhoneMode.Dialing)
            {
                if (n == 1) Dial();
                else if (n == 2) Backspace();
                else if (n == 4) HangUp();
                return;
            }
            if (MenuSoftkey(n)) return; // Phone.Settings.cs: 3 history, 4 settings
            if (n == 1) ToggleDnd();
            else if (n == 2) NextPage();
        }

        private void LineKeyPressed(int number)
        {
            KeyConfig key = KeyOnLine(number);
            if (key == null) { ShowMessage("Key " + number.ToString() + " is not assigned"); return; }
            switch (key.Kind)
            {
                case KeyKind.Line:
                    if (Mode == PhoneMode.Dialing && ActiveLine == number) HangUp();
                    else if (Mode == PhoneMode.Idle) StartDialing(number, _keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : AudioRoute.Speaker);
                    break;
                case KeyKind.Feature:
                    FeatureKey(key.Feature);
                    break;
                case KeyKind.Blf:
                    BlfKeyPressed(key); // Phone.Blf.cs: pickup while it rings, else call
                    break;
                case KeyKind.Shared:
                    SharedKeyPressed(number, key); // Phone.Shared.cs: pickup of a held call, else seize and dial as the line's owner
                    break;
                default:
                    CallTarget(key);
                    break;
            }
        }

        private void FeatureKey(string feature)
        {
            if (feature == KeyFeatures.Dnd) ToggleDnd();
            else if (feature == KeyFeatures.VolumeUp) ChangeVolume(1);
            else if (feature == KeyFeatures.VolumeDown) ChangeVolume(-1);
            else if (feature == KeyFeatures.Page) NextPage();
            else if (feature == KeyFeatures.Speaker) SpeakerKey();
            else if (feature == KeyFeatures.Headset) HeadsetKey();
            else if (feature == KeyFeatures.Record) ToggleRecording(); // Phone.Recording.cs
            else if (MenuFeature(feature)) return; // Phone.Settings.cs: history, voicemail
            else if (!CallFeature(feature)) ShowMessage(feature + ": needs a call"); // Phone.CallControl.cs
        }
    }
}
