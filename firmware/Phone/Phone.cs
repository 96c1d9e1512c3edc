// The phone application: boots on the HAL, owns keys, lamps, screen and user settings.
using System;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Input;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The desk phone as a receptionist meets it. Everything here runs on the event loop; the
    /// hardware reaches it only through the keypad's posted edges and the loop's timers.
    /// Split by operation: keys (Phone.Keys.cs), dialing (Phone.Dialing.cs), features
    /// (Phone.Features.cs) and the picture (Phone.View.cs).
    /// </summary>
    public sealed partial class Phone : IKeyListener
    {
        /// <summary>How long a transient message stays on the screen.</summary>
        public const int MessageMs = 2500;

        private readonly PhoneHardware _hw;
        private readonly DeviceConfig _config;
        private readonly EventLoop _loop;
        private readonly Keypad _keypad;
        private readonly LampDriver _lamps;
        private readonly Screen _screen;
        private readonly AudioPath _audio;
        private readonly PhoneSettings _settings;
        private readonly int _sipPort;
        private LoopTimer _clockTick;
        private LoopTimer _messageTimer;
        private bool _booted;

        /// <summary>A phone on <paramref name="hw"/> configured by <paramref name="config"/>, SIP on UDP 5060; call <see cref="Boot"/> on the loop.</summary>
        public Phone(PhoneHardware hw, DeviceConfig config, EventLoop loop)
            : this(hw, config, loop, 5060)
        {
        }

        /// <summary>A phone whose SIP listens on UDP <paramref name="sipPort"/> (0 = any free port, as the simulator runs many).</summary>
        public Phone(PhoneHardware hw, DeviceConfig config, EventLoop loop, int sipPort)
        {
            _sipPort = sipPort;
            if (hw == null) throw new ArgumentNullException("hw");
            if (config == null) throw new ArgumentNullException("config");
            _hw = hw;
            _config = config;
            _loop = loop;
            _keypad = new Keypad(loop, this);
            _lamps = new LampDriver(loop, hw.Lamps);
            _screen = new Screen(hw.Display);
            _audio = new AudioPath(hw.Audio);
            _settings = new PhoneSettings(hw.Storage);
            Page = 1;
            Registration = RegistrationState.NotRegistered;
        }

        /// <summary>The configuration the phone runs.</summary>
        public DeviceConfig Config { get { return _config; } }

        /// <summary>The lamps' logical states.</summary>
        public LampDriver Lamps { get { return _lamps; } }

        /// <summary>The screen.</summary>
        public Screen Screen { get { return _screen; } }

        /// <summary>The audio path.</summary>
        public AudioPath Audio { get { return _audio; } }

        /// <summary>The debounced keys.</summary>
        public Keypad Keypad { get { return _keypad; } }

        /// <summary>The current mode.</summary>
        public PhoneMode Mode { get; private set; }

        /// <summary>Registration of the default account.</summary>
        public RegistrationState Registration { get; private set; }

        /// <summary>The key page shown, from 1.</summary>
        public int Page { get; private set; }

        /// <summary>Do not disturb.</summary>
        public bool Dnd { get { return _settings.Dnd; } }

        /// <summary>Volume 0-10.</summary>
        public int Volume { get { return _settings.Volume; } }

        /// <summary>The transient message on screen, or null.</summary>
        public string Message { get; private set; }

        /// <summary>Starts the phone: settings, keys, lamps, the idle screen and its clock. Run on the loop.</summary>
        public void Boot()
        {
            if (_booted) return;
            _booted = true;
            _settings.Load(_config.Features.Dnd);
            _hw.Display.SetContrast(Contrast); // Phone.Settings.cs: the menu's choice, else the device file's
            LoadHistory(); // Phone.History.cs
            LoadContacts(); // Phone.Contacts.cs
            _hw.Audio.SetVolume(_settings.Volume);
            _keypad.Attach(_hw.Keys);
            _clockTick = _loop.StartPeriodic(1000, Redraw);
            StartSip();
            StartPairingPrompts(); // Phone.Pairing.cs: the pending pairings this user answers
            StartCrm(); // Phone.Api.cs: webhooks and the control API
            _hw.Log.Write(LogLevel.Info, "phone", "booted " + _config.Device.Id + " (" + _config.Device.Name + ", ext " + _config.Device.Extension + ")");
            Refresh();
        }

        /// <summary>Sets the registration state (the SIP layer reports it) and redraws.</summary>
        public void SetRegistration(RegistrationState state)
        {
            if (Registration == state) return;
            Registration = state;
            Redraw();
        }

        /// <summary>Shows <paramref name="text"/> for <see cref="MessageMs"/>.</summary>
        public void ShowMessage(string text)
        {
            Message = text;
            if (_messageTimer != null) _messageTimer.Cancel();
            _messageTimer = _loop.StartTimer(MessageMs, ClearMessage);
            Redraw();
        }

        private void ClearMessage()
        {
            _messageTimer = null;
            Message = null;
            Redraw();
        }

        /// <summary>Updates lamps and screen to the current state.</summary>
        private void Refresh()
        {
            UpdateLamps();
            Redraw();
        }

        /// <summary>The keys of the page shown, in line-key order.</summary>
        private KeyConfig[] PageKeys()
        {
            return _config.KeysOnPage(Page);
        }

        /// <summary>The key behind line key <paramref name="number"/> (1-based) on the shown page, or null.</summary>
        private KeyConfig KeyOnLine(int number)
        {
            KeyConfig[] keys = PageKeys();
            if (number < 1 || number > keys.Length) return null;
            return keys[number - 1];
        }
    }
}
