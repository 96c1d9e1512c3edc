// The outcome screen: what became of the call that just ended, picked from the office's list.
namespace DeskPhone.Firmware.Ui
{
    /// <summary>
    /// Layout (128x64), the settings list's: "Outcome: Bob Stone" on top, a rule, the outcomes (the
    /// selected one inverted, the list scrolls), softkeys Choose and Skip.
    /// </summary>
    public static class OutcomeView
    {
        /// <summary>Draws the list with <paramref name="selected"/> highlighted; <paramref name="current"/> (the entry's outcome now) is marked.</summary>
        public static void Draw(Screen screen, string party, string[] labels, int selected, string current, string message)
        {
            SettingsModel m = new SettingsModel();
            m.Title = "Outcome: " + party;
            m.Labels = labels;
            m.Values = new string[labels.Length];
            for (int i = 0; i < labels.Length; i++) m.Values[i] = labels[i] == current ? "*" : null;
            m.Selected = selected;
            m.Message = message;
            m.Soft1 = "Choose";
            m.Soft4 = "Skip";
            SettingsView.Draw(screen, m);
        }
    }
}
