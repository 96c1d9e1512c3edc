// The head of an HTTP/1.1 message (start line + header fields): finding its end and reading its fields strictly.
namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// Shared by the request parser and the response reader. Strict on purpose (RFC 9112 §2.2, §5):
    /// lines end in CRLF (a bare LF or CR is refused), no whitespace between a field name and its
    /// colon, no obsolete line folding, no control characters but HT in values.
    /// </summary>
    internal static class HttpHead
    {
        /// <summary>Most header fields in one message.</summary>
        public const int MaxFields = 64;

        /// <summary>
        /// Looks for the blank line ending a head in data[start, start+count), from <paramref name="scanFrom"/>.
        /// Returns the index just past it, -1 when not there yet, or -2 for a bare LF or CR (error set).
        /// </summary>
        public static int FindEnd(byte[] data, int start, int count, int scanFrom, out string error)
        {
            error = null;
            int end = start + count;
            for (int i = scanFrom < start ? start : scanFrom; i < end; i++)
            {
                byte b = data[i];
                if (b == 10)
                {
                    if (i == start || data[i - 1] != 13) { error = "bare LF in the message head (lines must end in CRLF)"; return -2; }
                    if (i - start >= 3 && data[i - 2] == 10 && data[i - 3] == 13) return i + 1;
                }
                else if (b == 13 && i + 1 < end && data[i + 1] != 10)
                {
                    error = "bare CR in the message head";
                    return -2;
                }
            }
            return -1;
        }

        /// <summary>
        /// The head's lines (without CRLF; the last empty line left out) as Latin-1 text; null with
        /// <paramref name="error"/> for a NUL or other control character.
        /// </summary>
        public static string[] Lines(byte[] data, int start, int length, out string error)
        {
            error = null;
            int n = 0;
            for (int i = start; i < start + length; i++)
            {
                if (data[i] == 10) n++;
            }
            string[] lines = new string[n > 0 ? n - 1 : 0];
            int line = 0;
            int lineStart = start;
            char[] chars = new char[length];
            for (int i = start; i < start + length && line < lines.Length; i++)
            {
                if (data[i] != 10) continue;
                int len = i - 1 - lineStart;
                for (int k = 0; k < len; k++)
                {
                    byte b = data[lineStart + k];
                    if ((b < 32 && b != 9) || b == 127) { error = "control character in the message head"; return null; }
                    chars[k] = (char)b;
                }
                lines[line++] = new string(chars, 0, len);
                lineStart = i + 1;
            }
            return lines;
        }

        /// <summary>
        /// Reads lines[1..] as header fields into <paramref name="headers"/>. Returns 0, or the status
        /// to refuse with (400 malformed, 431 too many) and <paramref name="error"/>.
        /// </summary>
        public static int ReadFields(string[] lines, HttpHeaders headers, out string error)
        {
            error = null;
            if (lines.Length - 1 > MaxFields) { error = "more than " + MaxFields.ToString() + " header fields"; return 431; }
            for (int i = 1; i < lines.Length; i++)
            {
                string l = lines[i];
                if (l.Length > 0 && (l[0] == ' ' || l[0] == '\t')) { error = "folded header line (obsolete line folding is not accepted)"; return 400; }
                int colon = l.IndexOf(':');
                if (colon <= 0) { error = "header line without a name and colon"; return 400; }
                string name = l.Substring(0, colon);
                for (int k = 0; k < name.Length; k++)
                {
                    if (!IsTokenChar(name[k])) { error = "header name '" + Shown(name) + "' has a character not allowed in a token"; return 400; }
                }
                headers.Add(name, l.Substring(colon + 1).Trim());
            }
            return 0;
        }

        /// <summary>
        /// The Content-Length: -1 when absent; -2 when malformed or repeated with different values
        /// (error set); otherwise the length (values over <paramref name="max"/> come back as max + 1).
        /// </summary>
        public static int ContentLength(HttpHeaders headers, int max, out string error)
        {
            error = null;
            int found = -1;
            for (int i = 0; i < headers.Count; i++)
            {
                if (!HttpHeaders.SameName(headers.NameAt(i), "Content-Length")) continue;
                string v = headers.ValueAt(i);
                int start = 0;
                while (true)
                {
                    int comma = v.IndexOf(',', start);
                    string part = (comma < 0 ? v.Substring(start) : v.Substring(start, comma - start)).Trim();
                    int n = Digits(part, max);
                    if (n == -1) { error = "Content-Length '" + Shown(v) + "' is not a whole number of bytes"; return -2; }
                    if (found != -1 && found != n) { error = "Content-Length given twice with different values"; return -2; }
                    found = n;
                    if (comma < 0) break;
                    start = comma + 1;
                }
            }
            return found;
        }

        /// <summary>The value of a run of ASCII digits, capped at max + 1; -1 when empty or not all digits.</summary>
        public static int Digits(string s, int max)
        {
            if (s.Length == 0) return -1;
            long n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                if (n <= max) n = n * 10 + (c - '0');
            }
            return n > max ? max + 1 : (int)n;
        }

        /// <summary>tchar of RFC 9110 §5.6.2.</summary>
        public static bool IsTokenChar(char c)
        {
            if (c >= 'a' && c <= 'z') return true;
            if (c >= 'A' && c <= 'Z') return true;
            if (c >= '0' && c <= '9') return true;
            return "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
        }

        /// <summary>Text from the wire cut short and made printable for an error message.</summary>
        public static string Shown(string s)
        {
            if (s.Length > 40) s = s.Substring(0, 37) + "...";
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] < ' ' || c[i] > '~') c[i] = '?';
            }
            return new string(c);
        }
    }
}
