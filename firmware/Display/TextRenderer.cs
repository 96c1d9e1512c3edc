// Draws text into the framebuffer, truncating with an ellipsis when it does not fit.
namespace DeskPhone.Firmware.Display
{
    /// <summary>How text sits in the width it is given.</summary>
    public enum TextAlign
    {
        Left = 0,
        Centre = 1,
        Right = 2
    }

    /// <summary>Text measuring and drawing with a <see cref="BitmapFont"/>.</summary>
    public static class TextRenderer
    {
        /// <summary>The character drawn where text was cut short.</summary>
        public const char Ellipsis = '\u2026';

        /// <summary>Width in pixels of <paramref name="text"/>.</summary>
        public static int Measure(BitmapFont font, string text)
        {
            int w = 0;
            for (int i = 0; i < text.Length; i++) w += font.Width(font.GlyphFor(CodePointAt(text, ref i)));
            return w;
        }

        /// <summary>
        /// <paramref name="text"/> as it will be shown in <paramref name="maxWidth"/> pixels: whole,
        /// or cut with an ellipsis at the end; empty when not even the ellipsis fits.
        /// </summary>
        public static string Fit(BitmapFont font, string text, int maxWidth)
        {
            if (text == null) return "";
            if (Measure(font, text) <= maxWidth) return text;
            int budget = maxWidth - font.Width(font.GlyphFor(Ellipsis));
            if (budget < 0) return ""; // not even the ellipsis fits
            int w = 0;
            int end = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int gw = font.Width(font.GlyphFor(CodePointAt(text, ref i)));
                if (w + gw > budget) break;
                w += gw;
                end = i + 1;
            }
            return text.Substring(0, end) + Ellipsis;
        }

        /// <summary>
        /// Draws <paramref name="text"/> with its cell's top-left at (x, y) inside <paramref name="maxWidth"/>
        /// pixels, fitted with an ellipsis; <paramref name="inverse"/> draws light-on-dark. Returns the width drawn.
        /// </summary>
        public static int Draw(FrameBuffer fb, BitmapFont font, int x, int y, string text, int maxWidth, TextAlign align, bool inverse)
        {
            string shown = Fit(font, text, maxWidth);
            int width = Measure(font, shown);
            int left = x;
            if (align == TextAlign.Centre) left = x + (maxWidth - width) / 2;
            else if (align == TextAlign.Right) left = x + maxWidth - width;
            int cx = left;
            for (int i = 0; i < shown.Length; i++)
            {
                int g = font.GlyphFor(CodePointAt(shown, ref i));
                int gw = font.Width(g);
                for (int gy = 0; gy < font.Height; gy++)
                {
                    for (int gx = 0; gx < gw; gx++)
                    {
                        bool ink = font.Ink(g, gx, gy);
                        fb.SetPixel(cx + gx, y + gy, ink != inverse);
                    }
                }
                cx += gw;
            }
            return width;
        }

        /// <summary>Draws left-aligned text, fitted to the rest of the screen's width.</summary>
        public static int Draw(FrameBuffer fb, BitmapFont font, int x, int y, string text)
        {
            return Draw(fb, font, x, y, text, fb.Width - x, TextAlign.Left, false);
        }

        /// <summary>The code point at <paramref name="i"/>, stepping over a surrogate pair.</summary>
        private static int CodePointAt(string s, ref int i)
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
    }
}
