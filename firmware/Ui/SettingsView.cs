// The settings menu: a list of settings with their values, a value being changed, and the about page.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What a settings screen shows, filled in by the phone.</summary>
    public sealed class SettingsModel
    {
        /// <summary>"Settings", "Ring volume", "About".</summary>
        public string Title;
        /// <summary>The list's labels ("Do not disturb"), or the about page's lines.</summary>
        public string[] Labels;
        /// <summary>Each label's value ("On", "5/10"), or null entries for none.</summary>
        public string[] Values;
        /// <summary>The selected entry, -1 for none (the about page).</summary>
        public int Selected = -1;
        /// <summary>While a value is being changed: the value, drawn large; else null.</summary>
        public string Editing;
        /// <summary>A line under the value being changed ("Up/down to change").</summary>
        public string Hint;
        /// <summary>A transient message, or null.</summary>
        public string Message;
        /// <summary>Softkey labels, left to right.</summary>
        public string Soft1, Soft2, Soft3, Soft4;
    }

    /// <summary>
    /// Layout (128x64): the title in 5x8, a rule, then either up to <see cref="Rows"/> entries of 9
    /// pixels (label left, value right, the selected one inverted; the list scrolls to keep it in view),
    /// or a value being changed in 6x10, centred, with a hint, or a transient message; softkeys at the bottom.
    /// </summary>
    public static class SettingsView
    {
        /// <summary>Entries visible at once.</summary>
        public const int Rows = 5;

        /// <summary>Top of the first entry.</summary>
        public const int RowTop = 11;

        /// <summary>Height of an entry.</summary>
        public const int RowHeight = 9;

        /// <summary>Draws <paramref name="m"/> and flushes the changed pages.</summary>
        public static void Draw(Screen screen, SettingsModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            screen.Text(Screen.Small, 0, 0, w, m.Title);
            screen.Rule(9);
            if (m.Message != null)
            {
                screen.Text(Screen.Small, 0, RowTop + 2 * RowHeight, w, m.Message, TextAlign.Centre, false);
            }
            else if (m.Editing != null)
            {
                screen.Text(Screen.Normal, 0, 22, w, m.Editing, TextAlign.Centre, false);
                if (m.Hint != null) screen.Text(Screen.Small, 0, 36, w, m.Hint, TextAlign.Centre, false);
            }
            else if (m.Labels != null)
            {
                int first = m.Selected >= Rows ? m.Selected - Rows + 1 : 0;
                for (int i = first; i < m.Labels.Length && i < first + Rows; i++)
                {
                    string value = m.Values == null ? null : m.Values[i];
                    DrawEntry(screen, RowTop + (i - first) * RowHeight, m.Labels[i], value, i == m.Selected);
                }
            }
            Softkeys.Draw(screen, m.Soft1, m.Soft2, m.Soft3, m.Soft4);
            screen.End();
        }

        private static void DrawEntry(Screen screen, int y, string label, string value, bool selected)
        {
            int w = screen.Frame.Width;
            int valueWidth = value == null ? 0 : TextRenderer.Measure(Screen.Small, value);
            if (selected) screen.Frame.FillRect(0, y - 1, w, RowHeight, true);
            screen.Text(Screen.Small, 1, y, w - valueWidth - 4, label, TextAlign.Left, selected);
            if (value != null) screen.Text(Screen.Small, w - valueWidth - 1, y, valueWidth, value, TextAlign.Left, selected);
        }
    }
}
