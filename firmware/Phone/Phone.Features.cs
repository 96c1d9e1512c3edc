// Do not disturb, volume, key pages, key info.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private int _infoKey;

        private void ToggleDnd()
        {
            _settings.Dnd = !_settings.Dnd;
            if (!_settings.Save()) _hw.Log.Write(LogLevel.Warning, "phone", "could not save settings");
            _hw.Log.Write(LogLevel.Info, "phone", _settings.Dnd ? "DND on" : "DND off");
            Refresh();
        }

        private void ChangeVolume(int delta)
        {
            int v = _settings.Volume + delta;
            if (v < 0) v = 0;
            if (v > PhoneSettings.MaxVolume) v = PhoneSettings.MaxVolume;
            _settings.Volume = v;
            _hw.Audio.SetVolume(v);
            _settings.Save();
            ShowMessage("Volume " + v.ToString() + "/" + PhoneSettings.MaxVolume.ToString());
        }

        private void NextPage()
        {
            int pages = _config.PageCount;
            if (pages <= 1) return;
            Page = Page % pages + 1;
            Refresh();
        }

        private void ShowKeyInfo(int number)
        {
            _infoKey = number;
            Mode = PhoneMode.KeyInfo;
            Redraw();
        }

        private void DrawKeyInfo()
        {
            KeyConfig key = KeyOnLine(_infoKey);
            if (key == null) { KeyInfoView.Draw(_screen, _infoKey, "none", null, null); return; }
            string target = key.Kind == KeyKind.Feature ? key.Feature : key.Target;
            if (key.Kind == KeyKind.Line && key.Account != null) target = key.Account.AddressOfRecord;
            KeyInfoView.Draw(_screen, _infoKey, KindName(key.Kind), key.Label, target);
        }

        private static string KindName(KeyKind kind)
        {
            switch (kind)
            {
                case KeyKind.Line: return "line";
                case KeyKind.Shared: return "shared line";
                case KeyKind.Blf: return "BLF";
                case KeyKind.Park: return "park";
                case KeyKind.SpeedDial: return "speed dial";
                default: return "feature";
            }
        }
    }
}
