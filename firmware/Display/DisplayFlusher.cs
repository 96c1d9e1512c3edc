// Sends the framebuffer's changed pages, and only those, to the panel.
using System;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// Copies changed framebuffer pages to the HAL display. A page touched since the last flush is
    /// compared with what the panel already holds, so clearing and redrawing the same picture (as
    /// the views do every second) sends nothing.
    /// </summary>
    public sealed class DisplayFlusher
    {
        private readonly FrameBuffer _fb;
        private readonly IDisplay _panel;
        private readonly byte[] _sent;
        private readonly bool[] _panelKnown;

        /// <summary>A flusher from <paramref name="fb"/> to <paramref name="panel"/>.</summary>
        public DisplayFlusher(FrameBuffer fb, IDisplay panel)
        {
            _fb = fb;
            _panel = panel;
            _sent = new byte[fb.Bytes.Length];
            _panelKnown = new bool[fb.Pages];
        }

        /// <summary>Forgets what the panel holds (after it was reset or powered up): the next flush sends every page.</summary>
        public void PanelReset()
        {
            for (int p = 0; p < _panelKnown.Length; p++) _panelKnown[p] = false;
            _fb.MarkAllDirty();
        }

        /// <summary>Pages written to the panel so far.</summary>
        public int PagesWritten { get; private set; }

        /// <summary>Writes every dirty page; returns how many were written.</summary>
        public int Flush()
        {
            int n = 0;
            for (int p = 0; p < _fb.Pages; p++)
            {
                if (!_fb.IsDirty(p)) continue;
                _fb.MarkClean(p);
                if (_panelKnown[p] && SameAsSent(p)) continue;
                _panel.WritePage(p, _fb.Bytes, p * _fb.Width);
                Array.Copy(_fb.Bytes, p * _fb.Width, _sent, p * _fb.Width, _fb.Width);
                _panelKnown[p] = true;
                n++;
            }
            PagesWritten += n;
            return n;
        }

        private bool SameAsSent(int page)
        {
            byte[] now = _fb.Bytes;
            int start = page * _fb.Width;
            for (int i = start; i < start + _fb.Width; i++)
            {
                if (now[i] != _sent[i]) return false;
            }
            return true;
        }
    }
}
