// Digits during a call: keypad presses out as RFC 4733 events (SIP INFO when none were agreed), digits in from either; mute.
using System;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>How long a digit lasts when it goes by SIP INFO (the key's own length is not known in advance).</summary>
        public const int InfoDigitMs = 160;

        private bool _digitHeld; // a telephone-event runs until its key is released

        /// <summary>The last digit the far end sent (RTP event or SIP INFO), or '\0'.</summary>
        public char LastDtmfReceived { get; private set; }

        /// <summary>Digits received since boot.</summary>
        public int DtmfReceivedCount { get; private set; }

        /// <summary>Digits sent since boot, and how the last one went ("rtp" or "info").</summary>
        public int DtmfSentCount { get; private set; }

        /// <summary>"rtp" when the last digit went as a telephone-event, "info" when by SIP INFO, else null.</summary>
        public string LastDtmfMethod { get; private set; }

        /// <summary>True while the microphone is muted in the call.</summary>
        public bool Muted { get; private set; }

        /// <inheritdoc/>
        public void DtmfReceived(SipCall call, char digit)
        {
            Received(digit, "SIP INFO");
        }

        private MediaSession NewMediaSession()
        {
            MediaSession media = new MediaSession(_hw.Network, _hw.Clock, new Random((int)(_hw.Clock.NowMs & 0x7FFFFFFF) ^ 0x5EED));
            media.Cname = _config.Device.Id + "@" + _hw.Network.LocalAddress;
            media.DigitReceived = OnMediaDigit;
            return media;
        }

        private void OnMediaDigit(char digit)
        {
            // the network thread: the digit joins the loop like every other event
            _loop.Post(delegate { Received(digit, "RTP event"); });
        }

        private void Received(char digit, string how)
        {
            LastDtmfReceived = digit;
            DtmfReceivedCount++;
            _hw.Log.Write(LogLevel.Info, "phone", "DTMF " + new string(digit, 1) + " received (" + how + ")");
        }

        private void DigitInCall(char digit)
        {
            if (_call == null) return;
            if (_media != null && _mediaCall == _call && _media.PressDigit(digit))
            {
                _digitHeld = true;
                LastDtmfMethod = "rtp";
            }
            else if (_call.SendDtmfInfo(digit, InfoDigitMs))
            {
                LastDtmfMethod = "info";
            }
            else return;
            DtmfSentCount++;
            _hw.Log.Write(LogLevel.Info, "phone", "DTMF " + new string(digit, 1) + " sent (" + LastDtmfMethod + ")");
        }

        private void DigitReleased()
        {
            if (!_digitHeld) return;
            _digitHeld = false;
            if (_media != null) _media.ReleaseDigit();
        }

        private void ToggleMute()
        {
            Muted = !Muted;
            if (_media != null) _media.Muted = Muted;
            _hw.Log.Write(LogLevel.Info, "phone", Muted ? "microphone muted" : "microphone on");
            Refresh();
        }

        private void ClearMute()
        {
            Muted = false;
            if (_media != null) _media.Muted = false;
        }
    }
}
