// The event list of a=fmtp for telephone-event (RFC 4733 §2.4.1): "0-15", "0-16", "0-15,66,70".
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>Reads, intersects and writes telephone-event lists. Events are numbered 0 to 255.</summary>
    public static class TelephoneEvents
    {
        /// <summary>What an offer without an fmtp for telephone-event means (RFC 4733 §2.4.1): the DTMF events 0-15.</summary>
        public const string Default = "0-15";

        /// <summary>The events in <paramref name="list"/> as 256 flags; null when the list is malformed.</summary>
        public static bool[] Parse(string list)
        {
            if (list == null) return null;
            bool[] events = new bool[256];
            string[] items = list.Split(new char[] { ',' });
            for (int i = 0; i < items.Length; i++)
            {
                string item = items[i].Trim();
                int dash = item.IndexOf('-');
                int low = SdpText.ParseInt(dash < 0 ? item : item.Substring(0, dash));
                int high = dash < 0 ? low : SdpText.ParseInt(item.Substring(dash + 1));
                if (low < 0 || high < low || high > 255) return null;
                for (int e = low; e <= high; e++) events[e] = true;
            }
            return events;
        }

        /// <summary>
        /// The events both lists name, written as ranges ("0-15"); a missing or malformed
        /// <paramref name="offered"/> counts as <see cref="Default"/>. Null when nothing is common.
        /// </summary>
        public static string Intersect(string offered, string ours)
        {
            bool[] a = Parse(offered);
            if (a == null) a = Parse(Default);
            bool[] b = Parse(ours);
            if (b == null) b = Parse(Default);
            StringBuilder sb = new StringBuilder();
            int e = 0;
            while (e < 256)
            {
                if (!(a[e] && b[e]))
                {
                    e++;
                    continue;
                }
                int start = e;
                while (e + 1 < 256 && a[e + 1] && b[e + 1]) e++;
                if (sb.Length > 0) sb.Append(',');
                sb.Append(start.ToString());
                if (e > start) sb.Append('-').Append(e.ToString());
                e++;
            }
            return sb.Length == 0 ? null : sb.ToString();
        }
    }
}
