// The phone's screen: draws into the framebuffer, remembers the text it drew, flushes changed pages.
using System.Collections;
using System.Text;
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>
    /// A canvas over the OLED. Views draw through it; it keeps a list of the text it drew (as shown,
    /// ellipsis included) so testers can read the screen as text, and sends only changed pages.
    /// </summary>
    public sealed class Screen
    {
        /// <summary>The small font (5x8): 25 characters a line.</summary>
        public static BitmapFont Small { get { return Fixed5x8.Font; } }

        /// <summary>The normal font (6x10): 21 characters a line.</summary>
        public static BitmapFont Normal { get { return Fixed6x10.Font; } }

        private readonly FrameBuffer _fb;
        private readonly DisplayFlusher _flusher;
        private readonly ArrayList _texts = new ArrayList();

        /// <summary>A screen on <paramref name="panel"/>.</summary>
        public Screen(IDisplay panel)
        {
            _fb = new FrameBuffer(panel.Width, panel.Height);
            _flusher = new DisplayFlusher(_fb, panel);
            panel.SetPower(true);
        }

        /// <summary>The framebuffer.</summary>
        public FrameBuffer Frame { get { return _fb; } }

        /// <summary>Pages sent to the panel so far.</summary>
        public int PagesWritten { get { return _flusher.PagesWritten; } }

        /// <summary>Starts a new picture: clears the framebuffer and the text list.</summary>
        public void Begin()
        {
            _fb.Clear();
            _texts.Clear();
        }

        /// <summary>Draws text at (x, y) in <paramref name="width"/> pixels; returns the width drawn.</summary>
        public int Text(IGlyphFont font, int x, int y, int width, string text, TextAlign align, bool inverse)
        {
            int drawn = TextRenderer.Draw(_fb, font, x, y, text, width, align, inverse);
            int left = x;
            if (align == TextAlign.Centre) left = x + (width - drawn) / 2;
            else if (align == TextAlign.Right) left = x + width - drawn;
            _texts.Add(new DrawnText(left, y, TextRenderer.Fit(font, text, width)));
            return drawn;
        }

        /// <summary>Draws left-aligned text.</summary>
        public int Text(IGlyphFont font, int x, int y, int width, string text)
        {
            return Text(font, x, y, width, text, TextAlign.Left, false);
        }

        /// <summary>A horizontal rule.</summary>
        public void Rule(int y) { _fb.HLine(0, y, _fb.Width, true); }

        /// <summary>Inverts a rectangle.</summary>
        public void Invert(int x, int y, int w, int h) { _fb.InvertRect(x, y, w, h); }

        /// <summary>Ends the picture: sends the changed pages to the panel.</summary>
        public int End() { return _flusher.Flush(); }

        /// <summary>Pieces of text whose tops are this close share a row in <see cref="TextLines"/>.</summary>
        private const int RowTolerance = 3;

        /// <summary>
        /// The text on the screen, top to bottom: one line per text row, pieces on one row joined
        /// by " | " from left to right.
        /// </summary>
        public string[] TextLines()
        {
            DrawnText[] items = new DrawnText[_texts.Count];
            _texts.CopyTo(items);
            SortByPosition(items);
            ArrayList lines = new ArrayList();
            StringBuilder current = null;
            int currentY = -1000;
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i].Text.Length == 0) continue;
                if (current == null || items[i].Y - currentY > RowTolerance)
                {
                    if (current != null) lines.Add(current.ToString());
                    current = new StringBuilder();
                    currentY = items[i].Y;
                }
                else
                {
                    current.Append(" | ");
                }
                current.Append(items[i].Text);
            }
            if (current != null) lines.Add(current.ToString());
            string[] result = new string[lines.Count];
            lines.CopyTo(result);
            return result;
        }

        private static void SortByPosition(DrawnText[] items)
        {
            for (int i = 1; i < items.Length; i++)
            {
                DrawnText item = items[i];
                int j = i - 1;
                while (j >= 0 && Before(item, items[j]))
                {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = item;
            }
        }

        /// <summary>True when <paramref name="a"/> reads before <paramref name="b"/>: a row above, or left on the same row.</summary>
        private static bool Before(DrawnText a, DrawnText b)
        {
            int dy = a.Y - b.Y;
            if (dy < -RowTolerance) return true;
            if (dy > RowTolerance) return false;
            return a.X < b.X;
        }

        private sealed class DrawnText
        {
            public readonly int X;
            public readonly int Y;
            public readonly string Text;

            public DrawnText(int x, int y, string text)
            {
                X = x;
                Y = y;
                Text = text;
            }
        }
    }
}
