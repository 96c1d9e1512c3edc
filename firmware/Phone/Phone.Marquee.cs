// A caller's name wider than the screen scrolls on the call screen (rest, scroll, wrap round).
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Ui;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>How often a scrolling name moves: 12.5 frames a second (only the name's two pages are sent).</summary>
        public const int MarqueeStepMs = 80;

        private LoopTimer _marquee;
        private long _marqueeStart;
        private CallModel _marqueeModel;

        /// <summary>True while the party's name scrolls on the call screen.</summary>
        public bool NameScrolling { get { return _marquee != null; } }

        /// <summary>After the call screen was drawn: starts, keeps or stops the name's marquee.</summary>
        private void FollowMarquee(CallModel shown)
        {
            if (!CallView.NameScrolls(_screen, shown))
            {
                StopMarquee();
                return;
            }
            bool sameName = _marqueeModel != null && _marqueeModel.Name == shown.Name;
            _marqueeModel = shown;
            if (_marquee == null || !sameName)
            {
                StopMarquee();
                _marqueeModel = shown;
                _marqueeStart = _hw.Clock.NowMs;
                _marquee = _loop.StartPeriodic(MarqueeStepMs, ScrollName);
            }
            ScrollName(); // the full redraw just fitted the name: put the marquee back where it stands
        }

        private void ScrollName()
        {
            if (_marqueeModel == null) return;
            CallView.ScrollName(_screen, _marqueeModel, _hw.Clock.NowMs - _marqueeStart);
        }

        private void StopMarquee()
        {
            if (_marquee != null) _marquee.Cancel();
            _marquee = null;
            _marqueeModel = null;
        }
    }
}
