// The idle screen: who this phone is, whether it is registered, the time, the key labels.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>
    /// Layout (128x64): name and time on top in the 6x10 font (a Japanese name in the 12-px face, the
    /// time on its baseline); extension and registration under it;
    /// a rule; the line-key labels in two columns of 5x8 text; softkeys at the bottom.
    /// </summary>
    public static class IdleView
    {
        private const int LabelTop = 22;
        private const int LabelRow = 8;
        private const int LabelRows = 4;

        /// <summary>Draws <paramref name="m"/> and flushes the changed pages.</summary>
        public static void Draw(Screen screen, IdleModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            int timeWidth = TextRenderer.Measure(Screen.Normal, m.Time);
            IGlyphFont nameFont = TextFace.Normal.FontFor(m.Name);
            screen.Text(nameFont, 0, 0, w - timeWidth - 4, m.Name);
            screen.Text(Screen.Normal, w - timeWidth, nameFont.Ascent - Screen.Normal.Ascent, timeWidth, m.Time); // on the name's baseline
            string status = m.Extension + "  " + (m.Notice != null ? m.Notice : m.Registration);
            if (m.Notice != null && TextRenderer.Measure(Screen.Small, (m.Dnd ? "DND  " : "") + status) > w) status = m.Notice; // the extension gives way
            if (m.Dnd) status = "DND  " + status;
            screen.Text(Screen.Small, 0, nameFont.Height > 11 ? 12 : 11, w, status); // under a 12-px Japanese name: rows 12-19, above the rule
            screen.Rule(20);
            if (m.Message != null)
            {
                DrawMessage(screen, m.Message, w);
            }
            else
            {
                DrawLabels(screen, m.KeyLabels);
            }
            Softkeys.Draw(screen, "DND", m.Pages > 1 ? "Page " + m.Page.ToString() + "/" + m.Pages.ToString() : null, m.Soft3, m.Soft4);
            screen.End();
        }

        /// <summary>The message centred, on a second row from the last space that fits when it is wider than the screen.</summary>
        private static void DrawMessage(Screen screen, string text, int w)
        {
            string second = null;
            if (TextRenderer.Measure(Screen.Small, text) > w)
            {
                int cut = -1;
                for (int i = 1; i < text.Length; i++)
                {
                    if (text[i] != ' ') continue;
                    if (TextRenderer.Measure(Screen.Small, text.Substring(0, i)) > w) break;
                    cut = i;
                }
                if (cut > 0)
                {
                    second = text.Substring(cut + 1);
                    text = text.Substring(0, cut);
                }
            }
            screen.Text(Screen.Small, 0, LabelTop + LabelRow, w, text, TextAlign.Centre, false);
            if (second != null) screen.Text(Screen.Small, 0, LabelTop + 2 * LabelRow, w, second, TextAlign.Centre, false);
        }

        private static void DrawLabels(Screen screen, string[] labels)
        {
            int col = screen.Frame.Width / 2;
            for (int i = 0; i < labels.Length && i < LabelRows * 2; i++)
            {
                if (labels[i] == null) continue;
                int x = (i / LabelRows) * col;
                int y = LabelTop + (i % LabelRows) * LabelRow;
                screen.Text(Screen.Small, x, y, col - 2, labels[i]);
            }
        }
    }
}
