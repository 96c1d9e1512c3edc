// The call screens: incoming, calling, in call.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What a call screen shows, filled in by the phone.</summary>
    public sealed class CallModel
    {
        /// <summary>"Incoming call", "Calling", "Ringing", "Connected", "On hold".</summary>
        public string Title;
        /// <summary>The other party's name (or number when there is no name).</summary>
        public string Name;
        /// <summary>The other party's number or address.</summary>
        public string Number;
        /// <summary>The contact's company ("Acme Ltd"), or what the contact match says ("2 contacts"); null for none.</summary>
        public string Company;
        /// <summary>Whose line ("Line 1", "for Ann Lee").</summary>
        public string Line;
        /// <summary>Call duration "03:25", or null before answer.</summary>
        public string Duration;
        /// <summary>A transient message, or null.</summary>
        public string Message;
        /// <summary>A badge at the right of the title ("VIP": a VIP caller of the executive), or null.</summary>
        public string Badge;
        /// <summary>True while the call is recorded: a dot and "REC" in the title row.</summary>
        public bool Recording;
        /// <summary>Softkey labels, left to right.</summary>
        public string Soft1, Soft2, Soft3, Soft4;
    }

    /// <summary>
    /// Draws the call screens (128x64): title and time, the party's name (12 px), under it the number (or
    /// the contact's company on the left and the number on the right), the line, a message, softkeys.
    /// </summary>
    public static class CallView
    {
        /// <summary>Top row of the party's name: 12 rows (to 23) are free for a Japanese name.</summary>
        public const int NameTop = 12;

        /// <summary>Draws it and flushes the changed pages.</summary>
        public static void Draw(Screen screen, CallModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            int durationWidth = m.Duration == null ? 0 : TextRenderer.Measure(Screen.Small, m.Duration);
            int badgeWidth = m.Badge == null ? 0 : TextRenderer.Measure(Screen.Small, m.Badge) + 4;
            int recWidth = m.Recording ? RecordingWidth : 0;
            screen.Text(Screen.Small, 0, 0, w - durationWidth - badgeWidth - recWidth - 2, m.Title);
            if (m.Recording) DrawRecording(screen, w - durationWidth - badgeWidth - recWidth);
            if (m.Badge != null) screen.Text(Screen.Small, w - durationWidth - badgeWidth, 0, badgeWidth - 2, m.Badge);
            if (m.Duration != null) screen.Text(Screen.Small, w - durationWidth, 0, durationWidth, m.Duration);
            screen.Rule(9);
            screen.Text(TextFace.Normal.FontFor(m.Name), 0, NameTop, w, m.Name);
            DrawPartyLine(screen, m);
            if (m.Line != null) screen.Text(Screen.Small, 0, 34, w, m.Line);
            if (m.Message != null) screen.Text(Screen.Small, 0, 44, w, m.Message, TextAlign.Centre, false);
            Softkeys.Draw(screen, m.Soft1, m.Soft2, m.Soft3, m.Soft4);
            screen.End();
        }

        /// <summary>Width of the recording indicator: a 5x5 dot, a gap, "REC", a gap.</summary>
        public const int RecordingWidth = 5 + 2 + 3 * 6 + 4;

        private static void DrawRecording(Screen screen, int x)
        {
            FrameBuffer fb = screen.Frame;
            fb.FillRect(x + 1, 1, 3, 5, true); // a round-ish dot: a cross of 3x5 and 5x3
            fb.FillRect(x, 2, 5, 3, true);
            screen.Text(Screen.Small, x + 7, 0, 3 * 6, "REC");
        }

        /// <summary>Under the name: the number; with a company, the company on the left and the number on the right.</summary>
        private static void DrawPartyLine(Screen screen, CallModel m)
        {
            int w = screen.Frame.Width;
            string number = m.Number != null && m.Number != m.Name ? m.Number : null;
            if (m.Company == null)
            {
                if (number != null) screen.Text(Screen.Small, 0, 24, w, number);
                return;
            }
            int numberWidth = number == null ? 0 : TextRenderer.Measure(Screen.Small, number);
            if (numberWidth > w / 2) numberWidth = w / 2;
            int companyWidth = number == null ? w : w - numberWidth - 4;
            screen.Text(Screen.Small, 0, 24, companyWidth, m.Company);
            if (number != null) screen.Text(Screen.Small, w - numberWidth, 24, numberWidth, number);
        }

        /// <summary>True when the party's name is wider than the screen, so the phone should call <see cref="ScrollName"/> every frame.</summary>
        public static bool NameScrolls(Screen screen, CallModel m)
        {
            return Marquee.Scrolls(TextRenderer.Measure(TextFace.Normal.FontFor(m.Name), m.Name), screen.Frame.Width);
        }

        /// <summary>
        /// Redraws only the name line as the marquee stands <paramref name="elapsedMs"/> after the screen
        /// appeared, and flushes (only the name's pages can change). While the marquee rests the name is
        /// shown fitted with an ellipsis, as <see cref="Draw"/> shows it. Allocates nothing.
        /// </summary>
        public static void ScrollName(Screen screen, CallModel m, long elapsedMs)
        {
            FrameBuffer fb = screen.Frame;
            IGlyphFont font = TextFace.Normal.FontFor(m.Name);
            int offset = Marquee.Offset(elapsedMs, TextRenderer.Measure(font, m.Name), fb.Width);
            if (offset == 0)
            {
                fb.FillRect(0, NameTop, fb.Width, font.Height, false);
                TextRenderer.Draw(fb, font, 0, NameTop, m.Name, fb.Width, TextAlign.Left, false);
            }
            else
            {
                TextRenderer.DrawScrolled(fb, font, 0, NameTop, fb.Width, m.Name, offset, Marquee.Gap);
            }
            screen.End();
        }
    }
}
