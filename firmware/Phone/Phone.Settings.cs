// The settings menu (do not disturb, ring volume, contrast, 24-hour clock, about), the keys of the menu screens, and the idle screen's additions.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The menus are modes of their own (<see cref="PhoneMode.History"/>, <see cref="PhoneMode.Settings"/>),
    /// opened from idle: the "Calls" and "Menu" softkeys, a "history" feature key, or a long press of OK.
    /// Up/down move, OK selects (or calls back), Back returns; any key with a meaning on the idle screen
    /// (a line key, the hookswitch, speaker...) leaves the menu and does what it does there.
    /// Changes are saved in <see cref="PhoneSettings"/> at once.
    /// </summary>
    public sealed partial class Phone
    {
        /// <summary>The firmware's version, shown on the about page.</summary>
        public const string FirmwareVersion = "0.5.0";

        /// <summary>The settings menu's entries, in order.</summary>
        public const int MenuDnd = 0, MenuRingVolume = 1, MenuContrast = 2, MenuClock = 3, MenuAbout = 4;

        /// <summary>How much one up/down press changes the contrast.</summary>
        public const int ContrastStep = 15;

        private static readonly string[] MenuLabels = { "Do not disturb", "Ring volume", "Contrast", "24-hour clock", "About" };

        private int _menuIndex;
        private int _menuEditing = -1;
        private int _editValue;
        private bool _about;

        /// <summary>The selected settings entry (see <see cref="MenuDnd"/>...).</summary>
        public int SettingsIndex { get { return _menuIndex; } }

        /// <summary>The entry whose value is being changed, or -1.</summary>
        public int SettingsEditing { get { return _menuEditing; } }

        /// <summary>The clock runs 24-hour: the settings menu's choice, else the device file's.</summary>
        public bool Clock24h { get { return _settings.ClockHours == 0 ? _config.Display.Clock24h : _settings.ClockHours == 24; } }

        /// <summary>The display contrast: the settings menu's choice, else the device file's.</summary>
        public int Contrast { get { return _settings.Contrast >= 0 ? _settings.Contrast : _config.Display.Contrast; } }

        /// <summary>The user's ring volume (lines whose config sets a volume ring at that instead).</summary>
        public int RingVolume { get { return _settings.RingVolume; } }

        /// <summary>Hook (KeyPressed): keys on the history and settings screens; false lets the key act as on the idle screen.</summary>
        private bool MenuKey(int keyCode)
        {
            if (Mode == PhoneMode.Outcome) return OutcomeKey(keyCode); // Phone.Outcomes.cs
            if (Mode != PhoneMode.History && Mode != PhoneMode.Settings) return false;
            if (Mode == PhoneMode.History ? HistoryKey(keyCode) : SettingsKey(keyCode)) return true;
            if (KeyCodes.IsDialPad(keyCode) || (keyCode >= KeyCodes.Soft1 && keyCode <= KeyCodes.Soft1 + 3)) return true;
            if (keyCode == KeyCodes.VolumeUp || keyCode == KeyCodes.VolumeDown) return false;
            CloseMenu();
            return false;
        }

        /// <summary>Hook (KeyLongPressed): a long press of OK on the idle screen opens the settings.</summary>
        private bool MenuLongPress(int keyCode)
        {
            if (keyCode != KeyCodes.Ok || Mode != PhoneMode.Idle) return false;
            OpenSettings();
            return true;
        }

        /// <summary>Hook (FeatureKey): the history and voicemail feature keys; false for other features.</summary>
        private bool MenuFeature(string feature)
        {
            if (feature == KeyFeatures.History) { OpenHistory(); return true; }
            if (feature == KeyFeatures.Voicemail) { VoicemailKey(); return true; }
            return false;
        }

        /// <summary>Hook (idle softkeys): 3 opens the history, 4 the settings; false for the others.</summary>
        private bool MenuSoftkey(int n)
        {
            if (Mode != PhoneMode.Idle) return false;
            if (n == 3) { OpenHistory(); return true; }
            if (n == 4) { OpenSettings(); return true; }
            return false;
        }

        /// <summary>Hook (Redraw): draws the history or settings screen.</summary>
        private void DrawMenu()
        {
            if (Mode == PhoneMode.History) DrawHistory();
            else if (Mode == PhoneMode.Outcome) DrawOutcome(); // Phone.Outcomes.cs
            else DrawSettings();
        }

        /// <summary>Hook (DrawIdle): the softkeys to the menus and the notices ("2 missed", "3 new voicemails").</summary>
        private void FillIdleExtras(IdleModel m)
        {
            m.Soft3 = "Calls";
            m.Soft4 = "Menu";
            if (Registration != RegistrationState.Registered) return; // trouble registering is the news
            int missed = _history.UnreadMissed;
            string missedText = missed > 0 ? missed.ToString() + " missed" : null;
            string voicemail = VoicemailNotice();
            if (missedText != null && voicemail != null) m.Notice = missedText + "  " + VoicemailShort(); // 25 characters fit
            else m.Notice = missedText != null ? missedText : voicemail;
        }

        private void OpenSettings()
        {
            Mode = PhoneMode.Settings;
            _menuIndex = 0;
            _menuEditing = -1;
            _about = false;
            if (AskPin()) _hw.Log.Write(LogLevel.Info, "phone", "settings locked: asking for the admin PIN"); // Phone.Roles.cs
            Redraw();
        }

        /// <summary>Leaves the history or settings for the idle screen (a contrast being tried goes back).</summary>
        private void CloseMenu()
        {
            if (_menuEditing == MenuContrast) _hw.Display.SetContrast(Contrast);
            _menuEditing = -1;
            _about = false;
            Mode = PhoneMode.Idle;
            Refresh();
        }

        /// <summary>A call took the screen from the menu: a contrast being tried goes back, the menu starts afresh next time.</summary>
        private void ForgetMenu()
        {
            if (Mode == PhoneMode.Settings || (_menuEditing < 0 && !_about)) return;
            if (_menuEditing == MenuContrast) _hw.Display.SetContrast(Contrast);
            _menuEditing = -1;
            _about = false;
        }

        private bool SettingsKey(int keyCode)
        {
            bool ok = keyCode == KeyCodes.Ok || keyCode == KeyCodes.Soft1;
            bool back = keyCode == KeyCodes.Back || keyCode == KeyCodes.Soft1 + 3;
            if (PinKey(keyCode)) return true; // Phone.Roles.cs: the admin PIN prompt
            if (_about)
            {
                if (ok || back) { _about = false; Redraw(); }
                return ok || back || keyCode == KeyCodes.Up || keyCode == KeyCodes.Down;
            }
            if (_menuEditing >= 0)
            {
                if (keyCode == KeyCodes.Up || keyCode == KeyCodes.Right) ChangeEdited(1);
                else if (keyCode == KeyCodes.Down || keyCode == KeyCodes.Left) ChangeEdited(-1);
                else if (ok) SaveEdited();
                else if (back) CancelEdit();
                else return false;
                return true;
            }
            if (keyCode == KeyCodes.Up) { if (_menuIndex > 0) { _menuIndex--; Redraw(); } return true; }
            if (keyCode == KeyCodes.Down) { if (_menuIndex < MenuLabels.Length - 1) { _menuIndex++; Redraw(); } return true; }
            if (ok) { SelectSetting(); return true; }
            if (back) { CloseMenu(); return true; }
            return false;
        }

        private void SelectSetting()
        {
            switch (_menuIndex)
            {
                case MenuDnd:
                    ToggleDnd();
                    break;
                case MenuRingVolume:
                    _menuEditing = MenuRingVolume;
                    _editValue = _settings.RingVolume;
                    Redraw();
                    break;
                case MenuContrast:
                    _menuEditing = MenuContrast;
                    _editValue = Contrast;
                    Redraw();
                    break;
                case MenuClock:
                    _settings.ClockHours = Clock24h ? 12 : 24;
                    SaveSettings();
                    Redraw();
                    break;
                default:
                    _about = true;
                    Redraw();
                    break;
            }
        }

        private void ChangeEdited(int direction)
        {
            if (_menuEditing == MenuRingVolume)
            {
                _editValue = Clamp(_editValue + direction, 0, PhoneSettings.MaxVolume);
            }
            else
            {
                _editValue = Clamp(_editValue + direction * ContrastStep, 0, 255);
                _hw.Display.SetContrast(_editValue); // try it on the panel before saving
            }
            Redraw();
        }

        private void SaveEdited()
        {
            if (_menuEditing == MenuRingVolume) _settings.RingVolume = _editValue;
            else _settings.Contrast = _editValue;
            _menuEditing = -1;
            SaveSettings();
            Redraw();
        }

        private void CancelEdit()
        {
            if (_menuEditing == MenuContrast) _hw.Display.SetContrast(Contrast);
            _menuEditing = -1;
            Redraw();
        }

        private void SaveSettings()
        {
            if (!_settings.Save()) _hw.Log.Write(LogLevel.Warning, "phone", "could not save settings");
        }

        private void DrawSettings()
        {
            SettingsModel m = new SettingsModel();
            m.Message = Message;
            if (DrawPin(m)) // Phone.Roles.cs: the admin PIN prompt
            {
                SettingsView.Draw(_screen, m);
                return;
            }
            if (_about)
            {
                m.Title = "About";
                m.Labels = AboutLines();
                m.Soft4 = "Back";
            }
            else if (_menuEditing >= 0)
            {
                m.Title = MenuLabels[_menuEditing];
                m.Editing = _menuEditing == MenuRingVolume
                    ? _editValue.ToString() + "/" + PhoneSettings.MaxVolume.ToString()
                    : _editValue.ToString();
                m.Hint = "Up/down to change";
                m.Soft1 = "Save";
                m.Soft4 = "Cancel";
            }
            else
            {
                m.Title = "Settings";
                m.Labels = MenuLabels;
                m.Values = new string[]
                {
                    _settings.Dnd ? "On" : "Off",
                    _settings.RingVolume.ToString() + "/" + PhoneSettings.MaxVolume.ToString(),
                    Contrast.ToString(),
                    Clock24h ? "On" : "Off",
                    null
                };
                m.Selected = _menuIndex;
                m.Soft1 = "Select";
                m.Soft4 = "Back";
            }
            SettingsView.Draw(_screen, m);
        }

        private string[] AboutLines()
        {
            string registration = RegistrationText(Registration);
            string problem = RegistrationProblem;
            if (Registration == RegistrationState.Failed && problem != null) registration = registration + ": " + problem;
            return new string[]
            {
                "Firmware " + FirmwareVersion,
                "Board " + _config.Device.Board,
                "IP " + _hw.Network.LocalAddress,
                "Ext " + _config.Device.Extension + "  " + _config.Device.Id,
                registration
            };
        }

        /// <summary>A time as the clock setting shows it ("09:05", "09:05am").</summary>
        private string ClockText(System.DateTime t)
        {
            int h = t.Hour;
            string suffix = "";
            if (!Clock24h)
            {
                suffix = h < 12 ? "am" : "pm";
                h = h % 12;
                if (h == 0) h = 12;
            }
            return TwoDigits(h) + ":" + TwoDigits(t.Minute) + suffix;
        }

        private static int Clamp(int v, int min, int max)
        {
            return v < min ? min : v > max ? max : v;
        }
    }
}
