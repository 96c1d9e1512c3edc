// Draws text into the framebuffer: fitted with an ellipsis, or scrolled inside a window; allocates nothing while drawing.
namespace DeskPhone.Firmware.Display
{
    /// <summary>How text sits in the width it is given.</summary>
    public enum TextAlign
    {
        Left = 0,
        Centre = 1,
        Right = 2
    }

    /// <summary>Text measuring and drawing with any <see cref="IGlyphFont"/> (a <see cref="BitmapFont"/>, a <see cref="FontChain"/>...).</summary>
    public static class TextRenderer
    {
        /// <summary>The character drawn where text was cut short.</summary>
        public const char Ellipsis = '\u2026';

        /// <summary>The ellipsis as a string.</summary>
        public const string EllipsisText = "\u2026";

        /// <summary>What stands for the ellipsis in a font without one.</summary>
        public const string ThreeDots = "...";

        /// <summary>Width in pixels of <paramref name="text"/> (0 for null).</summary>
        public static int Measure(IGlyphFont font, string text)
        {
            return text == null ? 0 : MeasureTo(font, text, text.Length);
        }

        /// <summary>Width of the mark that ends cut text: the font's ellipsis, or three full stops.</summary>
        public static int EllipsisWidth(IGlyphFont font)
        {
            int g = font.Find(Ellipsis);
            return g >= 0 ? font.Width(g) : 3 * font.Width(font.GlyphFor('.'));
        }

        /// <summary>
        /// <paramref name="text"/> as it will be shown in <paramref name="maxWidth"/> pixels: whole,
        /// or cut at a character boundary with an ellipsis ("..." when the font has no '…') at the end;
        /// empty when not even the ellipsis fits.
        /// </summary>
        public static string Fit(IGlyphFont font, string text, int maxWidth)
        {
            if (text == null) return "";
            int end = CutAt(font, text, maxWidth);
            if (end == text.Length) return text;
            if (end < 0) return "";
            return text.Substring(0, end) + (font.Find(Ellipsis) >= 0 ? EllipsisText : ThreeDots);
        }

        /// <summary>
        /// Draws <paramref name="text"/> with its cell's top-left at (x, y) inside <paramref name="maxWidth"/>
        /// pixels, fitted with an ellipsis; <paramref name="inverse"/> draws light-on-dark. Returns the width drawn.
        /// </summary>
        public static int Draw(FrameBuffer fb, IGlyphFont font, int x, int y, string text, int maxWidth, TextAlign align, bool inverse)
        {
            if (text == null) text = "";
            int end = CutAt(font, text, maxWidth);
            bool cut = end != text.Length;
            int width = end < 0 ? 0 : MeasureTo(font, text, end) + (cut ? EllipsisWidth(font) : 0);
            int left = x;
            if (align == TextAlign.Centre) left = x + (maxWidth - width) / 2;
            else if (align == TextAlign.Right) left = x + maxWidth - width;
            int cx = DrawRun(fb, font, left, y, text, end, inverse, int.MinValue, int.MaxValue);
            if (cut && end >= 0) DrawEllipsis(fb, font, cx, y, inverse);
            return width;
        }

        /// <summary>Draws left-aligned text, fitted to the rest of the screen's width.</summary>
        public static int Draw(FrameBuffer fb, IGlyphFont font, int x, int y, string text)
        {
            return Draw(fb, font, x, y, text, fb.Width - x, TextAlign.Left, false);
        }

        /// <summary>
        /// Draws <paramref name="text"/> moved <paramref name="offset"/> pixels left inside the window
        /// x..x+width-1, rows y..y+font.Height-1, with a copy <paramref name="gap"/> pixels after its end
        /// so the line wraps round (see <see cref="Marquee"/>). Clears the window first and touches
        /// nothing outside it, so only its pages change. Allocates nothing.
        /// </summary>
        public static void DrawScrolled(FrameBuffer fb, IGlyphFont font, int x, int y, int width, string text, int offset, int gap)
        {
            fb.FillRect(x, y, width, font.Height, false);
            if (text == null || width <= 0) return;
            int textWidth = Measure(font, text);
            int period = textWidth + (gap < 0 ? 0 : gap);
            if (period <= 0) return;
            offset %= period;
            if (offset < 0) offset += period;
            for (int start = x - offset; start < x + width; start += period)
            {
                if (start + textWidth > x) DrawRun(fb, font, start, y, text, text.Length, false, x, x + width);
            }
        }

        /// <summary>The code point at <paramref name="i"/>, stepping over a surrogate pair; a lone surrogate reads as U+FFFD.</summary>
        public static int CodePointAt(string s, ref int i)
        {
            char c = s[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length)
            {
                char d = s[i + 1];
                if (d >= 0xDC00 && d <= 0xDFFF)
                {
                    i++;
                    return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                }
            }
            if (c >= 0xD800 && c <= 0xDFFF) return 0xFFFD;
            return c;
        }

        /// <summary>Width of text[0..end).</summary>
        private static int MeasureTo(IGlyphFont font, string text, int end)
        {
            int w = 0;
            for (int i = 0; i < end; i++) w += font.Width(font.GlyphFor(CodePointAt(text, ref i)));
            return w;
        }

        /// <summary>
        /// Where to cut <paramref name="text"/> for <paramref name="maxWidth"/>: text.Length when it fits;
        /// else the index (a character boundary) the ellipsis follows; -1 when not even the ellipsis fits.
        /// </summary>
        private static int CutAt(IGlyphFont font, string text, int maxWidth)
        {
            if (MeasureTo(font, text, text.Length) <= maxWidth) return text.Length;
            int budget = maxWidth - EllipsisWidth(font);
            if (budget < 0) return -1;
            int w = 0;
            int end = 0;
            for (int i = 0; i < text.Length; i++)
            {
                w += font.Width(font.GlyphFor(CodePointAt(text, ref i)));
                if (w > budget) break;
                end = i + 1;
            }
            return end;
        }

        /// <summary>Draws text[0..end) from x; pixels outside clipLeft..clipRight-1 are left alone. Returns the x after it.</summary>
        private static int DrawRun(FrameBuffer fb, IGlyphFont font, int x, int y, string text, int end, bool inverse, int clipLeft, int clipRight)
        {
            int cx = x;
            for (int i = 0; i < end && cx < clipRight; i++)
            {
                cx += DrawGlyph(fb, font, font.GlyphFor(CodePointAt(text, ref i)), cx, y, inverse, clipLeft, clipRight);
            }
            return cx;
        }

        private static void DrawEllipsis(FrameBuffer fb, IGlyphFont font, int x, int y, bool inverse)
        {
            int g = font.Find(Ellipsis);
            if (g >= 0)
            {
                DrawGlyph(fb, font, g, x, y, inverse, int.MinValue, int.MaxValue);
                return;
            }
            int dot = font.GlyphFor('.');
            for (int n = 0; n < 3; n++) x += DrawGlyph(fb, font, dot, x, y, inverse, int.MinValue, int.MaxValue);
        }

        /// <summary>Draws one glyph cell (ink and background) at (x, y), clipped to columns clipLeft..clipRight-1; returns its advance.</summary>
        private static int DrawGlyph(FrameBuffer fb, IGlyphFont font, int g, int x, int y, bool inverse, int clipLeft, int clipRight)
        {
            int gw = font.Width(g);
            int h = font.Height;
            for (int gx = 0; gx < gw; gx++)
            {
                int px = x + gx;
                if (px < clipLeft || px >= clipRight) continue;
                for (int gy = 0; gy < h; gy++) fb.SetPixel(px, y + gy, font.Ink(g, gx, gy) != inverse);
            }
            return gw;
        }
    }
}
