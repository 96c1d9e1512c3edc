// Redial: the number dialed last, kept with the settings (atomic storage) so it survives a reboot.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>The number the Redial key calls ("" when nothing was dialed yet).</summary>
        public string LastDialed { get { return _settings.LastDialed; } }

        /// <summary>Remembers <paramref name="number"/> (typed on the keypad) for redial and saves it when it changed.</summary>
        private void RememberDialed(string number)
        {
            if (number == null || number.Length == 0 || number == _settings.LastDialed) return;
            if (number.IndexOf('\n') >= 0 || number.IndexOf('\r') >= 0) return; // one line per setting
            _settings.LastDialed = number;
            if (!_settings.Save()) _hw.Log.Write(LogLevel.Warning, "phone", "could not save the number to redial");
        }

        /// <summary>The Redial key or feature: calls the last number dialed, from idle or while dialing.</summary>
        private void Redial()
        {
            string number = _settings.LastDialed;
            if (number == null || number.Length == 0) { ShowMessage("Nothing to redial"); return; }
            if (Mode != PhoneMode.Idle && Mode != PhoneMode.Dialing) { ShowMessage("End the call to redial"); return; }
            _hw.Log.Write(LogLevel.Info, "phone", "redial " + number);
            PlaceCall(number);
        }
    }
}
