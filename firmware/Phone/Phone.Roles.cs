// Roles: restricted mode (answer, but dial only emergency and internal numbers) and the admin PIN in front of the settings.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Crypto;
using DeskPhone.Firmware.Sip;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The device file's "roles". Every call the phone places goes through <see cref="MayDial"/> (PlaceCall
    /// calls it; the HTTP API may ask first). A restricted phone dials emergency numbers, internal numbers
    /// (patterns like 2XX), its own voicemail and pickups, nothing else. With an admin PIN (or on a restricted
    /// phone) the settings menu asks for the PIN first; the DND and volume keys keep working, and the about
    /// page stays readable. Three wrong PINs lock PIN entry for <see cref="PinLockMs"/>.
    /// </summary>
    public sealed partial class Phone
    {
        /// <summary>What a restricted phone says when it refuses a number.</summary>
        public const string RestrictedText = "Restricted: only internal and emergency calls";

        /// <summary>Wrong PINs in a row before PIN entry locks.</summary>
        public const int PinAttempts = 3;

        /// <summary>How long PIN entry stays locked after <see cref="PinAttempts"/> wrong PINs.</summary>
        public const int PinLockMs = 60000;

        /// <summary>Longest PIN the entry takes.</summary>
        public const int MaxPinLength = 12;

        private bool _pinEntry;        // the settings menu shows the PIN prompt
        private string _pinDigits = "";
        private int _pinFailures;
        private long _pinLockedUntilMs = -1;

        /// <summary>
        /// True when this phone may call <paramref name="target"/> (a dial string, sip:, sips: or tel: URI);
        /// otherwise false with <paramref name="reason"/> the message the phone shows. Emergency numbers are always allowed.
        /// </summary>
        public bool MayDial(string target, out string reason)
        {
            reason = null;
            if (target == null || target.Length == 0) { reason = "No number to call"; return false; }
            PhoneRoles roles = _config.Roles;
            string host;
            string number = NumberOf(target, out host);
            bool ours = host == null || OwnHost(host);
            if (number != null && ours && roles.IsEmergency(number)) return true;
            if (!roles.Restricted) return true;
            if (_pickup != null) return true; // Phone.Shared.Calls.cs: taking a held call is answering, not dialing
            if (target.IndexOf("?Replaces=") >= 0 || target.IndexOf("?replaces=") >= 0) return true; // a BLF pickup joins a call that rings here
            if (IsOwnMailbox(target)) return true;
            if (number != null && ours)
            {
                if (roles.IsInternal(number)) return true;
                string code = _config.BlfPickupCode;
                if (code != null && number.Length > code.Length && number.Substring(0, code.Length) == code && roles.IsInternal(number.Substring(code.Length))) return true;
            }
            reason = RestrictedText;
            return false;
        }

        /// <summary>True when the settings menu needs the admin PIN (one is set, or the phone is restricted).</summary>
        public bool SettingsLocked { get { return _config.Roles.AdminPinSha256 != null || _config.Roles.Restricted; } }

        /// <summary>True while the settings menu shows the PIN prompt.</summary>
        public bool PinPrompt { get { return Mode == PhoneMode.Settings && _pinEntry; } }

        /// <summary>True while PIN entry is locked after too many wrong PINs.</summary>
        public bool PinLocked { get { return _pinLockedUntilMs >= 0 && _hw.Clock.NowMs < _pinLockedUntilMs; } }

        /// <summary>The user part of a sip:/sips:/tel: URI or the dial string itself; <paramref name="host"/> the URI's host or null.</summary>
        private static string NumberOf(string target, out string host)
        {
            host = null;
            string t = target.Trim();
            if (t.Length > 1 && t[0] == '<' && t[t.Length - 1] == '>') t = t.Substring(1, t.Length - 2);
            string lower = t.ToLower();
            bool tel = lower.StartsWith("tel:");
            if (lower.StartsWith("sip:")) t = t.Substring(4);
            else if (lower.StartsWith("sips:")) t = t.Substring(5);
            else if (tel) t = t.Substring(4);
            int end = -1;
            for (int i = 0; i < t.Length && end < 0; i++) if (t[i] == ';' || t[i] == '?') end = i;
            string beforeParams = end >= 0 ? t.Substring(0, end) : t;
            int at = beforeParams.IndexOf('@');
            if (at >= 0)
            {
                host = beforeParams.Substring(at + 1);
                int colon = host.IndexOf(':');
                if (colon >= 0) host = host.Substring(0, colon);
                beforeParams = beforeParams.Substring(0, at);
            }
            string user = SipUri.Unescape(beforeParams);
            if (tel) user = WithoutVisualSeparators(user);
            return user.Length == 0 ? null : user;
        }

        private static string WithoutVisualSeparators(string s)
        {
            System.Text.StringBuilder b = new System.Text.StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') b.Append(c);
            }
            return b.ToString();
        }

        /// <summary>True when <paramref name="host"/> is the domain or registrar host of one of the phone's accounts.</summary>
        private bool OwnHost(string host)
        {
            string h = host.ToLower();
            for (int i = 0; i < _config.AccountCount; i++)
            {
                AccountConfig a = _config.AccountAt(i);
                if (a.Domain != null && a.Domain.ToLower() == h) return true;
                if (a.Registrar != null && a.Registrar.Host != null && a.Registrar.Host.ToLower() == h) return true;
            }
            return false;
        }

        private bool IsOwnMailbox(string target)
        {
            for (int i = 0; i < _config.AccountCount; i++)
            {
                AccountConfig a = _config.AccountAt(i);
                if (a.Mailbox != null && a.Mailbox.ToString() == target) return true;
            }
            return false;
        }

        /// <summary>Hook (Phone.Settings.cs OpenSettings): true when the menu opens on the PIN prompt.</summary>
        private bool AskPin()
        {
            _pinEntry = SettingsLocked;
            _pinDigits = "";
            return _pinEntry;
        }

        /// <summary>Hook (Phone.Settings.cs SettingsKey): keys on the PIN prompt; false when the prompt is not shown.</summary>
        private bool PinKey(int keyCode)
        {
            if (!_pinEntry || _about) return false;
            bool noPin = _config.Roles.AdminPinSha256 == null;
            if (KeyCodes.IsDialPad(keyCode))
            {
                char c = KeyCodes.DialChar(keyCode);
                if (noPin) ShowMessage("Settings are locked");
                else if (PinLocked) ShowMessage(PinLockText());
                else if (c >= '0' && c <= '9' && _pinDigits.Length < MaxPinLength) { _pinDigits = _pinDigits + new string(c, 1); Redraw(); }
                return true;
            }
            if (keyCode == KeyCodes.Ok || keyCode == KeyCodes.Soft1)
            {
                if (noPin) ShowMessage("Settings are locked");
                else CheckPin();
                return true;
            }
            if (keyCode == KeyCodes.Soft1 + 1) { _about = true; Redraw(); return true; } // read-only: what the phone is
            if (keyCode == KeyCodes.Back && _pinDigits.Length > 0) { _pinDigits = _pinDigits.Substring(0, _pinDigits.Length - 1); Redraw(); return true; }
            if (keyCode == KeyCodes.Back || keyCode == KeyCodes.Soft1 + 3) { CloseMenu(); return true; }
            return keyCode == KeyCodes.Up || keyCode == KeyCodes.Down || keyCode == KeyCodes.Left || keyCode == KeyCodes.Right || keyCode == KeyCodes.Soft1 + 2;
        }

        /// <summary>Tries the PIN typed: the menu opens, or "Wrong PIN" (the third locks entry for a minute).</summary>
        private void CheckPin()
        {
            if (PinLocked) { ShowMessage(PinLockText()); return; }
            if (_pinDigits.Length == 0) { ShowMessage("Enter the admin PIN"); return; }
            string hash = Sha256.ComputeHex(_config.Device.Id + ":" + _pinDigits);
            _pinDigits = "";
            if (hash == _config.Roles.AdminPinSha256)
            {
                _pinFailures = 0;
                _pinEntry = false;
                _hw.Log.Write(LogLevel.Info, "phone", "settings unlocked with the admin PIN");
                Redraw();
                return;
            }
            _pinFailures++;
            _hw.Log.Write(LogLevel.Warning, "phone", "wrong admin PIN (" + _pinFailures.ToString() + " in a row)");
            if (_pinFailures >= PinAttempts)
            {
                _pinFailures = 0;
                _pinLockedUntilMs = _hw.Clock.NowMs + PinLockMs;
                ShowMessage(PinLockText());
                return;
            }
            ShowMessage("Wrong PIN");
        }

        private string PinLockText()
        {
            long left = (_pinLockedUntilMs - _hw.Clock.NowMs + 999) / 1000;
            return "PIN locked: try in " + left.ToString() + " s";
        }

        /// <summary>Hook (Phone.Settings.cs DrawSettings): the PIN prompt; false when it is not shown.</summary>
        private bool DrawPin(Ui.SettingsModel m)
        {
            if (!_pinEntry || _about) return false;
            m.Title = "Settings locked";
            m.Soft2 = "About";
            m.Soft4 = "Back";
            if (_config.Roles.AdminPinSha256 == null)
            {
                m.Editing = "Restricted";
                m.Hint = "Ask your administrator";
                return true;
            }
            m.Editing = _pinDigits.Length == 0 ? "_" : new string('*', _pinDigits.Length);
            m.Hint = "Admin PIN, then OK";
            m.Soft1 = "OK";
            return true;
        }
    }
}
