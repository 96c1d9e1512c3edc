// The dialing screen: which line, which identity, the digits so far.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>Draws the number-entry screen shown while a line is seized.</summary>
    public static class DialView
    {
        /// <summary>Draws it and flushes the changed pages.</summary>
        public static void Draw(Screen screen, string line, string identity, string route, string digits, string message)
        {
            int w = screen.Frame.Width;
            screen.Begin();
            int routeWidth = TextRenderer.Measure(Screen.Small, route);
            screen.Text(Screen.Normal, 0, 0, w - routeWidth - 2, line);
            screen.Text(Screen.Small, w - routeWidth, 1, routeWidth, route);
            screen.Text(Screen.Small, 0, 11, w, "as " + identity);
            screen.Rule(20);
            string shown = digits.Length == 0 ? "Enter number" : Tail(digits, w);
            screen.Text(Screen.Normal, 0, 26, w, shown, digits.Length == 0 ? TextAlign.Left : TextAlign.Right, false);
            if (message != null) screen.Text(Screen.Small, 0, 42, w, message, TextAlign.Centre, false);
            Softkeys.Draw(screen, "Dial", "Del", null, "End");
            screen.End();
        }

        /// <summary>The end of a long number, with an ellipsis in front, so the latest digits stay visible.</summary>
        private static string Tail(string digits, int width)
        {
            if (TextRenderer.Measure(Screen.Normal, digits) <= width) return digits;
            string tail = digits;
            while (tail.Length > 1 && TextRenderer.Measure(Screen.Normal, TextRenderer.Ellipsis + tail) > width) tail = tail.Substring(1);
            return TextRenderer.Ellipsis + tail;
        }
    }
}
