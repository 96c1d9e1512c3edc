// Seizing a line and entering a number.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>Longest number the dial buffer takes.</summary>
        public const int MaxDigits = 32;

        /// <summary>Audio sample rate of tones before a call negotiates one.</summary>
        public const int ToneRate = 8000;

        /// <summary>The line key in use while dialing (1-based), 0 when none.</summary>
        public int ActiveLine { get; private set; }

        /// <summary>Digits entered so far.</summary>
        public string DialString { get; private set; }

        /// <summary>Where the sound goes while off hook.</summary>
        public AudioRoute Route { get; private set; }

        private void OffHook()
        {
            if (Mode == PhoneMode.Ringing) { AnswerCall(AudioRoute.Handset); return; }
            if (Mode == PhoneMode.Dialing || Mode == PhoneMode.Calling || Mode == PhoneMode.InCall) { Route = AudioRoute.Handset; _audio.Route(Route); Redraw(); return; }
            Mode = PhoneMode.Idle;
            StartDialing(FirstLineKey(), AudioRoute.Handset);
        }

        private void OnHook()
        {
            if (Route != AudioRoute.Handset) return;
            if (Mode == PhoneMode.Dialing) HangUp();
            else if ((Mode == PhoneMode.Calling || Mode == PhoneMode.InCall) && !KeepCallOnHook()) EndCall(); // Phone.CallControl.cs: held calls stay
        }

        private void SpeakerKey()
        {
            if (Mode == PhoneMode.Idle) { StartDialing(FirstLineKey(), AudioRoute.Speaker); return; }
            if (Mode == PhoneMode.Ringing) { AnswerCall(AudioRoute.Speaker); return; }
            if (Mode == PhoneMode.Calling || Mode == PhoneMode.InCall)
            {
                if (Route == AudioRoute.Speaker) EndCall();
                else { Route = AudioRoute.Speaker; _audio.Route(Route); Redraw(); }
                return;
            }
            if (Mode != PhoneMode.Dialing) return;
            if (Route == AudioRoute.Speaker) HangUp();
            else { Route = AudioRoute.Speaker; _audio.Route(Route); Redraw(); }
        }

        private void HeadsetKey()
        {
            if (Mode == PhoneMode.Idle) { StartDialing(FirstLineKey(), AudioRoute.Headset); return; }
            if (Mode == PhoneMode.Ringing) { AnswerCall(AudioRoute.Headset); return; }
            if (Mode != PhoneMode.Dialing) return;
            if (Route == AudioRoute.Headset) HangUp();
            else { Route = AudioRoute.Headset; _audio.Route(Route); Redraw(); }
        }

        private void Digit(char c)
        {
            if (Mode == PhoneMode.Ringing || Mode == PhoneMode.Calling || Mode == PhoneMode.InCall) return; // DTMF comes with media
            if (Mode == PhoneMode.Idle) StartDialing(FirstLineKey(), AudioRoute.Speaker);
            if (Mode != PhoneMode.Dialing) return;
            if (DialString.Length >= MaxDigits) { ShowMessage("Number too long"); return; }
            DialString = DialString + new string(c, 1); // not c.ToString(): net10 turns that into a span concat
            _audio.Play(null);
            Redraw();
        }

        private void Backspace()
        {
            if (DialString.Length == 0) { HangUp(); return; }
            DialString = DialString.Substring(0, DialString.Length - 1);
            Redraw();
        }

        private void StartDialing(int line, AudioRoute route)
        {
            Mode = PhoneMode.Dialing;
            ActiveLine = line;
            DialString = "";
            Route = route;
            _audio.Open(ToneRate, route);
            _audio.Play(Tone.Dial);
            _hw.Log.Write(LogLevel.Info, "phone", "off hook on line " + line.ToString());
            Refresh();
        }

        private void HangUp()
        {
            ReleaseSharedSeize(); // Phone.Shared.cs: an appearance seized and not dialed on goes back
            _audio.Close();
            Mode = PhoneMode.Idle;
            ActiveLine = 0;
            DialString = "";
            _hw.Log.Write(LogLevel.Info, "phone", "on hook");
            Refresh();
        }

        private void Dial()
        {
            if (DialString.Length == 0) { ShowMessage("Enter a number first"); return; }
            if (SharedDialWaits()) return; // Phone.Shared.cs: the shared appearance is still being seized
            RememberDialed(DialString); // Phone.Redial.cs
            PlaceCall(DialString);
        }

        private void CallTarget(KeyConfig key)
        {
            PlaceCall(key.Target);
        }

        private int FirstLineKey()
        {
            KeyConfig[] keys = PageKeys();
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Kind == KeyKind.Line) return i + 1;
            }
            return 0;
        }
    }
}
