// The four softkey labels along the bottom of the screen.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>Draws softkey labels in inverse boxes under the screen's four softkeys.</summary>
    public static class Softkeys
    {
        /// <summary>Top row of the softkey bar.</summary>
        public const int Top = 55;

        /// <summary>Draws up to four labels (null or "" = empty slot).</summary>
        public static void Draw(Screen screen, string soft1, string soft2, string soft3, string soft4)
        {
            int slot = screen.Frame.Width / 4;
            Slot(screen, 0, slot, soft1);
            Slot(screen, 1, slot, soft2);
            Slot(screen, 2, slot, soft3);
            Slot(screen, 3, slot, soft4);
        }

        private static void Slot(Screen screen, int i, int slot, string label)
        {
            if (label == null || label.Length == 0) return;
            int x = i * slot;
            screen.Frame.FillRect(x + 1, Top, slot - 2, screen.Frame.Height - Top, true);
            screen.Text(Screen.Small, x + 1, Top + 1, slot - 2, label, TextAlign.Centre, true);
        }
    }
}
