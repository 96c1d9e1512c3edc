// The pairing request on the idle screen: who asks for what, Accept / Reject / Later.
using System.Collections;
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What the pairing prompt shows, filled in by the phone.</summary>
    public sealed class PairingPromptModel
    {
        /// <summary>"Pairing request" or "Pairing request 1/2".</summary>
        public string Title;
        /// <summary>The request in words ("Ann Lee (203) asks you to cover their line: answer calls.").</summary>
        public string Text;
        /// <summary>A line under it: "Sending answer...", a failure, or a transient message; null for none.</summary>
        public string Status;
        /// <summary>Softkey labels, left to right.</summary>
        public string Soft1, Soft2, Soft3, Soft4;
    }

    /// <summary>
    /// Layout (128x64): the title in 5x8, a rule, the request wrapped on up to four rows of 5x8 (three
    /// when there is a status, which takes up to two rows under it), softkeys at the bottom. A word too
    /// long for a row, or text beyond the last row, ends in an ellipsis.
    /// </summary>
    public static class PairingPromptView
    {
        private const int Top = 11;
        private const int Row = 8;
        private const int Rows = 5;

        /// <summary>Draws <paramref name="m"/> and flushes the changed pages.</summary>
        public static void Draw(Screen screen, PairingPromptModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            screen.Text(Screen.Small, 0, 0, w, m.Title);
            screen.Rule(9);
            string[] status = m.Status == null ? new string[0] : Wrap(Screen.Small, m.Status, w, 2);
            string[] text = Wrap(Screen.Small, m.Text, w, Rows - (status.Length == 0 ? 1 : status.Length));
            for (int i = 0; i < text.Length; i++) screen.Text(Screen.Small, 0, Top + i * Row, w, text[i]);
            int statusTop = Top + (Rows - status.Length) * Row;
            for (int i = 0; i < status.Length; i++) screen.Text(Screen.Small, 0, statusTop + i * Row, w, status[i], TextAlign.Centre, false);
            Softkeys.Draw(screen, m.Soft1, m.Soft2, m.Soft3, m.Soft4);
            screen.End();
        }

        /// <summary>
        /// <paramref name="text"/> broken at spaces into rows of at most <paramref name="width"/> pixels, at most
        /// <paramref name="maxRows"/> of them; the last row keeps the rest (the renderer ends it with an ellipsis).
        /// </summary>
        public static string[] Wrap(IGlyphFont font, string text, int width, int maxRows)
        {
            ArrayList rows = new ArrayList();
            int start = 0;
            while (start < text.Length && rows.Count < maxRows - 1)
            {
                while (start < text.Length && text[start] == ' ') start++;
                int end = start;
                int lastBreak = -1;
                while (end < text.Length)
                {
                    int next = text.IndexOf(' ', end + 1);
                    if (next < 0) next = text.Length;
                    if (TextRenderer.Measure(font, text.Substring(start, next - start)) > width) break;
                    lastBreak = next;
                    end = next;
                    if (end >= text.Length) break;
                }
                if (lastBreak < 0) break; // one word wider than the row: the last row takes it, cut
                rows.Add(text.Substring(start, lastBreak - start));
                start = lastBreak;
            }
            while (start < text.Length && text[start] == ' ') start++;
            if (start < text.Length) rows.Add(text.Substring(start));
            string[] result = new string[rows.Count];
            rows.CopyTo(result);
            return result;
        }
    }
}
