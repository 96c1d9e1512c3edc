// The picture: lamps and screen drawn from the phone's state.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>What line key <paramref name="number"/>'s lamp should show now.</summary>
        public LampState LampFor(int number)
        {
            KeyConfig key = KeyOnLine(number);
            if (key == null) return LampState.Off;
            LampState callLamp;
            if (key.Kind == KeyKind.Line && CallLamp(number, out callLamp)) return callLamp;
            if (key.Kind == KeyKind.Line && Mode == PhoneMode.Dialing && ActiveLine == number)
                return _config.LampScheme.For(LampMeaning.MineActive);
            if (key.Kind == KeyKind.Blf) return BlfLamp(key); // Phone.Blf.cs
            if (key.Kind == KeyKind.Shared) return SharedLamp(key); // Phone.Shared.cs
            if (key.Kind == KeyKind.Feature && key.Feature == KeyFeatures.Dnd && _settings.Dnd)
                return new LampState(LampColour.Red, Cadence.Steady);
            if (RecordLamp(key, out callLamp)) return callLamp; // Phone.Recording.cs: red while recording
            if (key.Kind == KeyKind.Feature && key.Feature == KeyFeatures.Voicemail && MessagesWaiting) return MessageWaitingLamp; // Phone.Mwi.cs
            return LampState.Off;
        }

        private void UpdateLamps()
        {
            for (int i = 0; i < _lamps.Count; i++) _lamps.Set(i, LampFor(i + 1));
        }

        /// <summary>Draws the screen for the current mode; only changed pages reach the panel.</summary>
        public void Redraw()
        {
            if (!_booted) return;
            if (!InCallMode || _call == null) StopMarquee();
            if (Mode == PhoneMode.Dialing) DrawDialing();
            else if (InCallMode && _call != null) DrawCall();
            else if (Mode == PhoneMode.KeyInfo) DrawKeyInfo();
            else if (Mode == PhoneMode.History || Mode == PhoneMode.Settings || Mode == PhoneMode.Outcome) DrawMenu(); // Phone.Settings.cs
            else if (PairingPromptShown) DrawPairingPrompt(); // Phone.Pairing.cs: a pairing request waits for an answer
            else DrawIdle();
        }

        private void DrawIdle()
        {
            IdleModel m = new IdleModel();
            m.Name = _config.Device.Name;
            m.Extension = _config.Device.Extension;
            m.Registration = RegistrationText(Registration);
            m.Time = TimeText();
            m.Dnd = _settings.Dnd;
            m.Page = Page;
            m.Pages = _config.PageCount;
            m.Message = Message;
            KeyConfig[] keys = PageKeys();
            int n = keys.Length < _lamps.Count ? keys.Length : _lamps.Count;
            m.KeyLabels = new string[n];
            for (int i = 0; i < n; i++) m.KeyLabels[i] = keys[i].Label;
            LabelSharedKeys(m, keys); // Phone.Shared.cs: "held Ann (exec)"
            FillIdleExtras(m); // Phone.Settings.cs: menu softkeys, "2 missed", "3 new voicemails"
            IdleView.Draw(_screen, m);
        }

        private void DrawDialing()
        {
            KeyConfig key = KeyOnLine(ActiveLine);
            string line = key == null ? "Line" : key.Label;
            AccountConfig account = key != null && key.Account != null ? key.Account : _config.DefaultAccount;
            string identity = account.DisplayName != null && account.DisplayName.Length > 0
                ? account.DisplayName + " " + account.User : account.User;
            identity = SharedIdentity(key, identity); // Phone.Shared.cs: "Ann Lee 203" on a shared key
            DialView.Draw(_screen, line, identity, RouteText(Route), DialString, Message);
        }

        private string TimeText()
        {
            System.DateTime now = _hw.Clock.WallClock;
            int h = now.Hour;
            string suffix = "";
            if (!Clock24h) // Phone.Settings.cs: the menu's choice, else the device file's
            {
                suffix = h < 12 ? "am" : "pm";
                h = h % 12;
                if (h == 0) h = 12;
            }
            return TwoDigits(h) + ":" + TwoDigits(now.Minute) + suffix;
        }

        private static string TwoDigits(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        /// <summary>Registration in the words the idle screen uses.</summary>
        public static string RegistrationText(RegistrationState s)
        {
            switch (s)
            {
                case RegistrationState.Registering: return "Registering";
                case RegistrationState.Registered: return "Registered";
                case RegistrationState.Failed: return "Registration failed";
                default: return "Not registered";
            }
        }

        /// <summary>"Handset", "Speaker", "Headset".</summary>
        public static string RouteText(AudioRoute r)
        {
            switch (r)
            {
                case AudioRoute.Speaker: return "Speaker";
                case AudioRoute.Headset: return "Headset";
                default: return "Handset";
            }
        }
    }
}
