// The list a call's contact is chosen from when its number matches several: name and company, the selected one inverted.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What the contact choice shows, filled in by the phone.</summary>
    public sealed class ContactChoiceModel
    {
        /// <summary>"Which contact?".</summary>
        public string Title;
        /// <summary>"2/3": the selected contact and how many there are.</summary>
        public string Position;
        /// <summary>The contacts' names.</summary>
        public string[] Names;
        /// <summary>Their companies (null entries for none).</summary>
        public string[] Companies;
        /// <summary>The selected one.</summary>
        public int Selected;
        /// <summary>Softkey labels, left to right.</summary>
        public string Soft1, Soft2, Soft3, Soft4;
    }

    /// <summary>
    /// Layout (128x64): title and position in 5x8, a rule, <see cref="Rows"/> rows of 12 pixels with
    /// "name, company" (a Japanese name in the 12-px face) and the selected row inverted, softkeys.
    /// The rows scroll so the selected contact is always visible.
    /// </summary>
    public static class ContactChoiceView
    {
        /// <summary>Contacts visible at once.</summary>
        public const int Rows = 3;

        private const int RowTop = 11;
        private const int RowHeight = 12;

        /// <summary>Draws <paramref name="m"/> and flushes the changed pages.</summary>
        public static void Draw(Screen screen, ContactChoiceModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            int posWidth = m.Position == null ? 0 : TextRenderer.Measure(Screen.Small, m.Position);
            screen.Text(Screen.Small, 0, 0, w - posWidth - 2, m.Title);
            if (m.Position != null) screen.Text(Screen.Small, w - posWidth, 0, posWidth, m.Position);
            screen.Rule(9);
            int count = m.Names == null ? 0 : m.Names.Length;
            int first = m.Selected < Rows ? 0 : m.Selected - Rows + 1;
            for (int row = 0; row < Rows && first + row < count; row++)
            {
                int i = first + row;
                string company = m.Companies == null ? null : m.Companies[i];
                string text = company == null ? m.Names[i] : m.Names[i] + ", " + company;
                int y = RowTop + row * RowHeight;
                IGlyphFont font = TextFace.Normal.FontFor(text);
                bool selected = i == m.Selected;
                if (selected) screen.Frame.FillRect(0, y, w, RowHeight, true);
                screen.Text(font, 1, y + (RowHeight - font.Height) / 2, w - 2, text, TextAlign.Left, selected);
            }
            Softkeys.Draw(screen, m.Soft1, m.Soft2, m.Soft3, m.Soft4);
            screen.End();
        }
    }
}
