// The call history screen: which list, three calls with the selected one inverted, its details, softkeys.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What the history screen shows, filled in by the phone.</summary>
    public sealed class HistoryModel
    {
        /// <summary>"Missed calls", "All calls"...</summary>
        public string Title;
        /// <summary>"2/7": the selected call and how many the list has; null when empty.</summary>
        public string Position;
        /// <summary>The visible calls' names (or numbers), top to bottom; may be Japanese.</summary>
        public string[] Names;
        /// <summary>When each visible call was ("09:05" today, "Nov 21" before).</summary>
        public string[] Times;
        /// <summary>For each visible call, true when it has a recording (a dot before its time), or null.</summary>
        public bool[] Recorded;
        /// <summary>Which visible row is selected, -1 for none.</summary>
        public int Selected = -1;
        /// <summary>The selected call in one line ("Missed  202  Busy"), or null.</summary>
        public string Detail;
        /// <summary>Shown instead of the rows when the list is empty ("No missed calls").</summary>
        public string Empty;
        /// <summary>A transient message, or null.</summary>
        public string Message;
        /// <summary>Softkey labels, left to right.</summary>
        public string Soft1, Soft2, Soft3, Soft4;
    }

    /// <summary>
    /// Layout (128x64): the list's title and position in 5x8 on top, a rule, <see cref="Rows"/> rows of
    /// 12 pixels (a Japanese name gets the Shinonome 12-px face as on the call screen, other names the
    /// 6x10) with the time on the right and the selected row inverted, the selected call's details in
    /// 5x8, softkeys. A transient message replaces the details.
    /// </summary>
    public static class HistoryView
    {
        /// <summary>Calls visible at once.</summary>
        public const int Rows = 3;

        /// <summary>Top of the first row.</summary>
        public const int RowTop = 11;

        /// <summary>Height of a row: a 12-px Japanese name fits.</summary>
        public const int RowHeight = 12;

        private const int DetailTop = RowTop + Rows * RowHeight;

        /// <summary>Draws <paramref name="m"/> and flushes the changed pages.</summary>
        public static void Draw(Screen screen, HistoryModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            int posWidth = m.Position == null ? 0 : TextRenderer.Measure(Screen.Small, m.Position);
            screen.Text(Screen.Small, 0, 0, w - posWidth - 2, m.Title);
            if (m.Position != null) screen.Text(Screen.Small, w - posWidth, 0, posWidth, m.Position);
            screen.Rule(9);
            int count = m.Names == null ? 0 : m.Names.Length;
            if (count == 0 && m.Empty != null)
            {
                screen.Text(Screen.Small, 0, RowTop + RowHeight, w, m.Empty, TextAlign.Centre, false);
            }
            for (int i = 0; i < count && i < Rows; i++) DrawRow(screen, i, m.Names[i], m.Times == null ? null : m.Times[i], i == m.Selected, m.Recorded != null && m.Recorded[i]);
            string last = m.Message != null ? m.Message : m.Detail;
            if (last != null) screen.Text(Screen.Small, 0, DetailTop, w, last, m.Message != null ? TextAlign.Centre : TextAlign.Left, false);
            Softkeys.Draw(screen, m.Soft1, m.Soft2, m.Soft3, m.Soft4);
            screen.End();
        }

        private static void DrawRow(Screen screen, int row, string name, string time, bool selected, bool recorded)
        {
            int w = screen.Frame.Width;
            int y = RowTop + row * RowHeight;
            IGlyphFont font = TextFace.Normal.FontFor(name);
            int top = y + (RowHeight - font.Height) / 2;
            int timeWidth = time == null ? 0 : TextRenderer.Measure(Screen.Small, time);
            if (selected) screen.Frame.FillRect(0, y, w, RowHeight, true);
            int mark = recorded ? 6 : 0;
            screen.Text(font, 1, top, w - timeWidth - mark - 4, name, TextAlign.Left, selected);
            if (recorded) screen.Frame.FillRect(w - timeWidth - mark - 2, y + RowHeight / 2 - 2, 4, 4, !selected); // a recording
            if (time != null) screen.Text(Screen.Small, w - timeWidth - 1, y + (RowHeight - Screen.Small.Height) / 2, timeWidth, time, TextAlign.Left, selected);
        }
    }
}
