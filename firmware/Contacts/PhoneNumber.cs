// Numbers reduced to digits so "+44 20 7946 0018", "0044 20 7946 0018" and "020 7946 0018" compare.
using System.Text;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// Normalises a dialled or received number: the user part of a sip:/sips:/tel: address, spaces,
    /// dashes, dots, slashes and brackets dropped, a leading '+', international prefix "00" or national
    /// trunk "0" removed. What is left is compared by <see cref="ContactDirectory"/>: by suffix for long
    /// numbers, exactly for short internal extensions.
    /// </summary>
    public static class PhoneNumber
    {
        /// <summary>Numbers with fewer digits than this are extensions: they match only exactly.</summary>
        public const int MinSuffix = 7;

        /// <summary>Longest number accepted, in characters.</summary>
        public const int MaxLength = 64;

        /// <summary>The digits to compare ("442079460018"), or null when <paramref name="text"/> is not a number ("alice", empty).</summary>
        public static string Normalise(string text)
        {
            if (text == null) return null;
            string s = UserPart(text);
            if (s.Length == 0 || s.Length > MaxLength) return null;
            StringBuilder digits = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9') digits.Append(c);
                else if (c == '+' && digits.Length == 0) continue;
                else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') continue;
                else return null; // letters: a name, not a number
            }
            string d = digits.ToString();
            if (d.Length >= MinSuffix + 2 && d[0] == '0' && d[1] == '0') d = d.Substring(2); // 0044...: international prefix
            else if (d.Length >= MinSuffix + 1 && d[0] == '0') d = d.Substring(1);             // 020...: national trunk prefix
            return d.Length == 0 ? null : d;
        }

        /// <summary>How many trailing digits <paramref name="a"/> and <paramref name="b"/> share.</summary>
        public static int CommonSuffix(string a, string b)
        {
            int i = a.Length - 1;
            int j = b.Length - 1;
            int n = 0;
            while (i >= 0 && j >= 0 && a[i] == b[j]) { i--; j--; n++; }
            return n;
        }

        /// <summary>True when the normalised numbers are the same person's by the directory's rule.</summary>
        public static bool Matches(string a, string b)
        {
            if (a == null || b == null) return false;
            if (a.Length < MinSuffix || b.Length < MinSuffix) return a == b;
            return CommonSuffix(a, b) >= MinSuffix;
        }

        private static string UserPart(string text)
        {
            string s = text.Trim();
            if (StartsWith(s, "sip:")) s = s.Substring(4);
            else if (StartsWith(s, "sips:")) s = s.Substring(5);
            else if (StartsWith(s, "tel:")) s = s.Substring(4);
            int end = s.Length;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '@' || c == ';' || c == '?' || c == '>') { end = i; break; }
            }
            return s.Substring(0, end);
        }

        private static bool StartsWith(string s, string prefix)
        {
            if (s.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
            {
                char c = s[i];
                if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
                if (c != prefix[i]) return false;
            }
            return true;
        }
    }
}
