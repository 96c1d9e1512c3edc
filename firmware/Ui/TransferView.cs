// The "Transfer to" screen: who is held, the target's number so far, Blind / Call / Del / Cancel.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What the transfer entry screen shows, filled in by the phone.</summary>
    public sealed class TransferModel
    {
        /// <summary>"Transfer to:".</summary>
        public string Title;
        /// <summary>The party being transferred, with its hold state ("Bob Stone (held)").</summary>
        public string Held;
        /// <summary>The target's digits so far ("" = none yet).</summary>
        public string Digits;
        /// <summary>A transient message, or null.</summary>
        public string Message;
    }

    /// <summary>
    /// Draws the transfer entry screen (128x64), laid out like the dialing screen: title, the held
    /// party, a rule, the digits (right-aligned so the latest stay visible), softkeys.
    /// </summary>
    public static class TransferView
    {
        /// <summary>Softkey labels, left to right: blind transfer, attended (call the target first), delete, cancel.</summary>
        public const string Blind = "Blind", Call = "Call", Delete = "Del", Cancel = "Cancel";

        /// <summary>Draws it and flushes the changed pages.</summary>
        public static void Draw(Screen screen, TransferModel m)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            screen.Text(Screen.Normal, 0, 0, w, m.Title);
            IGlyphFont held = TextFace.Normal.FontFor(m.Held);
            bool wide = held != TextFace.Normal.Narrow; // a Japanese name needs 12 rows: the rule moves down
            screen.Text(wide ? held : Screen.Small, 0, wide ? 10 : 11, w, m.Held);
            screen.Rule(wide ? 22 : 20);
            bool empty = m.Digits == null || m.Digits.Length == 0;
            string shown = empty ? "Enter number" : Tail(m.Digits, w);
            screen.Text(Screen.Normal, 0, 26, w, shown, empty ? TextAlign.Left : TextAlign.Right, false);
            if (m.Message != null) screen.Text(Screen.Small, 0, 42, w, m.Message, TextAlign.Centre, false);
            Softkeys.Draw(screen, Blind, Call, Delete, Cancel);
            screen.End();
        }

        /// <summary>The end of a long number with an ellipsis in front.</summary>
        private static string Tail(string digits, int width)
        {
            if (TextRenderer.Measure(Screen.Normal, digits) <= width) return digits;
            string tail = digits;
            while (tail.Length > 1 && TextRenderer.Measure(Screen.Normal, TextRenderer.Ellipsis + tail) > width) tail = tail.Substring(1);
            return TextRenderer.Ellipsis + tail;
        }
    }
}
