// Keypad characters and RFC 4733 §3.2 DTMF event codes: 0-9 → 0-9, * → 10, # → 11, A-D → 12-15.
namespace DeskPhone.Firmware.Media.Dtmf
{
    /// <summary>Maps DTMF digits to event codes and back.</summary>
    public static class DtmfDigits
    {
        /// <summary>The event code of <paramref name="digit"/> (a-d taken as A-D), or -1 when it is not a DTMF digit.</summary>
        public static int EventOf(char digit)
        {
            if (digit >= '0' && digit <= '9') return digit - '0';
            if (digit == '*') return 10;
            if (digit == '#') return 11;
            if (digit >= 'A' && digit <= 'D') return 12 + (digit - 'A');
            if (digit >= 'a' && digit <= 'd') return 12 + (digit - 'a');
            return -1;
        }

        /// <summary>The digit of event code <paramref name="eventCode"/> ('0'-'9', '*', '#', 'A'-'D'), or '\0' for other events.</summary>
        public static char DigitOf(int eventCode)
        {
            if (eventCode >= 0 && eventCode <= 9) return (char)('0' + eventCode);
            if (eventCode == 10) return '*';
            if (eventCode == 11) return '#';
            if (eventCode >= 12 && eventCode <= 15) return (char)('A' + eventCode - 12);
            return '\0';
        }

        /// <summary>True for 0-9, *, #, A-D (and a-d).</summary>
        public static bool IsDigit(char c)
        {
            return EventOf(c) >= 0;
        }
    }
}
