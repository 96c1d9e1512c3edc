// DTMF in SIP INFO bodies: application/dtmf-relay ("Signal=5\r\nDuration=160\r\n") and application/dtmf ("5").
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Media.Dtmf
{
    /// <summary>
    /// Writes and reads the two INFO body types phones and PBXs use for DTMF when telephone-event
    /// was not negotiated. Neither has an RFC: dtmf-relay is the de facto format (Cisco, Asterisk,
    /// FreeSWITCH), key=value lines; application/dtmf carries the digit alone. Signal is a digit
    /// (0-9, *, #, A-D; a-d taken) or the event number 10/11 for * and #; "16" and "!" are a hook flash
    /// (accepted, no digit). Keys are case-insensitive, unknown keys ignored, spaces around "="
    /// and bare LF line ends tolerated.
    /// </summary>
    public static class DtmfInfoBody
    {
        /// <summary>The Content-Type of the body we send.</summary>
        public const string RelayType = "application/dtmf-relay";

        /// <summary>The single-digit body type we also take.</summary>
        public const string DigitType = "application/dtmf";

        /// <summary>What goes in a 415's Accept.</summary>
        public const string Accept = RelayType + ", " + DigitType;

        /// <summary>"Signal=5\r\nDuration=160\r\n"; null when <paramref name="digit"/> is not a DTMF digit.</summary>
        public static string Format(char digit, int durationMs)
        {
            int ev = DtmfDigits.EventOf(digit);
            if (ev < 0) return null;
            if (durationMs < 0) durationMs = 0;
            return "Signal=" + new string(DtmfDigits.DigitOf(ev), 1) + "\r\nDuration=" + durationMs.ToString() + "\r\n";
        }

        /// <summary>True for the media types <see cref="TryParse"/> reads (lower case, no parameters).</summary>
        public static bool IsDtmfType(string mediaType)
        {
            return mediaType == RelayType || mediaType == DigitType;
        }

        /// <summary>
        /// Reads a body of <paramref name="mediaType"/> (<see cref="RelayType"/> or <see cref="DigitType"/>).
        /// On success <paramref name="digit"/> is the digit ('\0' for a hook flash) and
        /// <paramref name="durationMs"/> the duration (-1 when not given). On failure
        /// <paramref name="reason"/> is a reason phrase for the 400 ("Missing Signal", "Bad Signal",
        /// "Bad Duration", "Malformed dtmf-relay line", "Bad DTMF digit", "Not a DTMF body type").
        /// </summary>
        public static bool TryParse(string mediaType, string body, out char digit, out int durationMs, out string reason)
        {
            if (Read(mediaType, body, out digit, out durationMs, out reason)) return true;
            digit = '\0';
            durationMs = -1;
            return false;
        }

        private static bool Read(string mediaType, string body, out char digit, out int durationMs, out string reason)
        {
            digit = '\0';
            durationMs = -1;
            reason = null;
            if (body == null) body = "";
            if (mediaType == DigitType)
            {
                if (!TrySignal(body.Trim(), out digit)) { reason = "Bad DTMF digit"; return false; }
                return true;
            }
            if (mediaType != RelayType) { reason = "Not a DTMF body type"; return false; }
            bool hasSignal = false;
            int at = 0;
            while (at < body.Length)
            {
                int end = body.IndexOf('\n', at);
                if (end < 0) end = body.Length;
                string line = body.Substring(at, end - at).Trim();
                at = end + 1;
                if (line.Length == 0) continue;
                int eq = line.IndexOf('=');
                if (eq < 0) { reason = "Malformed dtmf-relay line"; return false; }
                string key = line.Substring(0, eq).Trim();
                string value = line.Substring(eq + 1).Trim();
                if (SdpText.SameIgnoringCase(key, "Signal"))
                {
                    if (hasSignal || !TrySignal(value, out digit)) { reason = "Bad Signal"; return false; }
                    hasSignal = true;
                }
                else if (SdpText.SameIgnoringCase(key, "Duration"))
                {
                    if (durationMs >= 0 || !TryMs(value, out durationMs)) { reason = "Bad Duration"; return false; }
                }
            }
            if (!hasSignal) { reason = "Missing Signal"; return false; }
            return true;
        }

        private static bool TrySignal(string value, out char digit)
        {
            digit = '\0';
            if (value.Length == 1)
            {
                char c = value[0];
                if (c == '!') return true; // hook flash
                int ev = DtmfDigits.EventOf(c);
                if (ev < 0) return false;
                digit = DtmfDigits.DigitOf(ev);
                return true;
            }
            if (value == "10") { digit = '*'; return true; }
            if (value == "11") { digit = '#'; return true; }
            if (value == "16") return true; // hook flash
            return false;
        }

        private static bool TryMs(string value, out int ms)
        {
            ms = -1;
            if (value.Length == 0 || value.Length > 6) return false;
            int n = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '0' || c > '9') return false;
                n = n * 10 + (c - '0');
            }
            ms = n;
            return true;
        }
    }
}
