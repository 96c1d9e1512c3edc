// The call-quality screen of the call in progress: a long press of OK opens it, OK or Back closes it.
using DeskPhone.Firmware.Media.Rtcp;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private readonly CallQualityModel _quality = new CallQualityModel();
        private bool _showQuality;

        /// <summary>True while the call-quality screen is up.</summary>
        public bool ShowingCallQuality { get { return _showQuality && Mode == PhoneMode.InCall; } }

        /// <summary>A long press during a call: OK opens the quality screen. True when the key was taken.</summary>
        private bool QualityLongPress(int keyCode)
        {
            if (keyCode != KeyCodes.Ok || Mode != PhoneMode.InCall || _media == null || !_media.IsRunning) return false;
            _showQuality = true;
            Redraw();
            return true;
        }

        /// <summary>OK, Back or the fourth softkey close the quality screen. True when the key was taken.</summary>
        private bool QualityKey(int keyCode)
        {
            if (!ShowingCallQuality) return false;
            if (keyCode != KeyCodes.Ok && keyCode != KeyCodes.Back && keyCode != KeyCodes.Soft1 + 3) return false;
            _showQuality = false;
            Redraw();
            return true;
        }

        /// <summary>Draws the quality screen instead of the call screen; false when it is not up.</summary>
        private bool DrawQuality()
        {
            if (!ShowingCallQuality || _media == null)
            {
                _showQuality = false;
                return false;
            }
            StopMarquee(); // the name line is not on this screen
            if (_quality.Quality == null) _quality.Quality = new CallQuality();
            _media.Snapshot(_quality.Quality);
            _quality.Codec = _media.CodecName;
            _quality.BufferMs = _media.Jitter.CurrentDelayMs;
            _quality.Concealed = _media.FramesConcealed;
            CallQualityView.Draw(_screen, _quality);
            return true;
        }
    }
}
