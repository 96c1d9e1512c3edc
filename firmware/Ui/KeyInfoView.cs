// What a programmable key does, shown after a long press.
namespace DeskPhone.Firmware.Ui
{
    /// <summary>Draws a key's number, kind, label and target.</summary>
    public static class KeyInfoView
    {
        /// <summary>Draws it and flushes the changed pages.</summary>
        public static void Draw(Screen screen, int keyNumber, string kind, string label, string target)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            screen.Text(Screen.Normal, 0, 0, w, "Key " + keyNumber.ToString() + ": " + kind);
            screen.Rule(11);
            screen.Text(Screen.Normal, 0, 14, w, label == null ? "(unassigned)" : label);
            if (target != null) screen.Text(Screen.Small, 0, 28, w, target);
            Softkeys.Draw(screen, null, null, null, "Back");
            screen.End();
        }
    }
}
