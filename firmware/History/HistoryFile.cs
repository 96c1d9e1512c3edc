// The call history's file format (version 1): a header line, then one tab-separated line per call, newest first.
using System;
using System.Text;

namespace DeskPhone.Firmware.History
{
    /// <summary>What reading a history file found.</summary>
    public sealed class HistoryReadResult
    {
        /// <summary>Entries read into the history.</summary>
        public int Read;
        /// <summary>Lines that were not readable entries (skipped).</summary>
        public int Skipped;
        /// <summary>Entries the header announced, or -1 when the header was unreadable.</summary>
        public int Expected = -1;
        /// <summary>The format version the header named, or 0 when unreadable.</summary>
        public int Version;
        /// <summary>The file ended inside an entry or before the entries the header announced.</summary>
        public bool Truncated;
        /// <summary>Everything wrong, for the log ("truncated: 3 of 5 entries read; 1 unreadable entry skipped"), or null for a clean file.</summary>
        public string Problem;

        internal void Add(string problem)
        {
            Problem = Problem == null ? problem : Problem + "; " + problem;
        }
    }

    /// <summary>
    /// The stored form of a <see cref="CallHistory"/>, UTF-8 text so a support engineer can read it:
    /// <code>
    /// deskphone-history 1 2
    /// 20261123T090500	missed	cancelled	487	0	1	main	202	Bob Stone	sip:202@office.example
    /// 20261123T083012	placed	hangup	200	95	0	main	203		sip:203@office.example
    /// </code>
    /// The header names the format version and how many entries follow (so a cut file is noticed even
    /// at a line boundary). Fields, tab-separated: time (local, yyyyMMddTHHmmss), kind, ending, SIP
    /// status, seconds talked, unread (1/0), line (account id), number, name, address, then the optional
    /// outcome, handled-by, recording, Call-ID, contact and company (written up to the last one set). An empty field is "none";
    /// a backslash, tab, CR or LF inside a field is written \\, \t, \r, \n. Later versions only append
    /// fields, so this reader takes lines with more fields and ignores the rest. Reading never throws:
    /// unreadable lines are skipped and counted, and whatever could be read is kept.
    /// </summary>
    public static class HistoryFile
    {
        /// <summary>The storage file name.</summary>
        public const string FileName = "history.txt";

        /// <summary>The format this code writes.</summary>
        public const int Version = 1;

        /// <summary>The header's first word.</summary>
        public const string Magic = "deskphone-history";

        /// <summary>Fields every entry has (time to address); the reserved ones may be missing.</summary>
        public const int RequiredFields = 10;

        private const int Fields = 16;
        private const int MaxNumberDigits = 9;

        /// <summary>The file's bytes for <paramref name="history"/>.</summary>
        public static byte[] Encode(CallHistory history)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append(Magic).Append(' ').Append(Version.ToString()).Append(' ').Append(history.Count.ToString()).Append('\n');
            for (int i = 0; i < history.Count; i++) AppendRecord(sb, history.At(i));
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        /// <summary>One entry as a line (with its '\n').</summary>
        public static string EncodeRecord(CallRecord r)
        {
            StringBuilder sb = new StringBuilder();
            AppendRecord(sb, r);
            return sb.ToString();
        }

        /// <summary>
        /// Reads <paramref name="data"/> (null = no file) into <paramref name="into"/>, newest first,
        /// up to its capacity. Never throws; the result says what was wrong.
        /// </summary>
        public static HistoryReadResult Read(byte[] data, CallHistory into)
        {
            HistoryReadResult result = new HistoryReadResult();
            if (data == null) { result.Expected = 0; result.Version = Version; return result; }
            if (data.Length == 0) result.Add("the file is empty");
            int at = 0;
            int bad = 0;
            bool first = true;
            bool full = false;
            bool cut = false;
            while (at < data.Length)
            {
                int end = at;
                while (end < data.Length && data[end] != (byte)'\n') end++;
                bool complete = end < data.Length;
                string line = Decode(data, at, end - at);
                at = end + 1;
                if (first)
                {
                    first = false;
                    if (complete && ReadHeader(line, result)) continue;
                    result.Add("no history header (" + Shorten(line) + ")");
                }
                if (line.Length == 0) continue;
                if (!complete)
                {
                    cut = true; // every entry is written with its line end: this one was cut
                    result.Skipped++;
                    break;
                }
                CallRecord r;
                if (!TryParseRecord(line, out r)) { bad++; result.Skipped++; continue; }
                if (!into.Append(r)) { full = true; continue; }
                result.Read++;
            }
            if (bad > 0) result.Add(bad.ToString() + (bad == 1 ? " unreadable entry" : " unreadable entries") + " skipped");
            if (cut)
            {
                result.Truncated = true;
                result.Add("the last entry is cut short");
            }
            if (full) result.Add("more entries than the " + into.Capacity.ToString() + " kept; the oldest were dropped");
            else if (result.Read + bad < result.Expected)
            {
                result.Truncated = true;
                result.Add("truncated: " + result.Read.ToString() + " of " + result.Expected.ToString() + " entries read");
            }
            return result;
        }

        /// <summary>Parses one entry line (without its '\n'); false for anything malformed.</summary>
        public static bool TryParseRecord(string line, out CallRecord record)
        {
            record = null;
            string[] f = SplitFields(line);
            if (f == null || f.Length < RequiredFields) return false;
            CallRecord r = new CallRecord();
            int status, seconds;
            if (!TryParseTime(f[0], out r.Time)) return false;
            if (!CallRecord.TryParseKind(f[1], out r.Kind)) return false;
            if (!CallRecord.TryParseEnding(f[2], out r.Ending)) return false;
            if (!TryParseNumber(f[3], out status) || status > 699) return false;
            if (!TryParseNumber(f[4], out seconds)) return false;
            if (f[5] != "0" && f[5] != "1") return false;
            r.Status = status;
            r.DurationSeconds = seconds;
            r.Unread = f[5] == "1";
            r.Line = Field(f[6]);
            r.Number = Field(f[7]);
            r.Name = Field(f[8]);
            r.Uri = Field(f[9]);
            if (f.Length > 10) r.Outcome = Field(f[10]);
            if (f.Length > 11) r.HandledBy = Field(f[11]);
            if (f.Length > 12) r.Recording = Field(f[12]);
            if (f.Length > 13) r.CallId = Field(f[13]);
            if (f.Length > 14) r.Contact = Field(f[14]);
            if (f.Length > 15) r.Company = Field(f[15]);
            if (r.Number == null && r.Uri == null && r.Name == null) return false;
            record = r;
            return true;
        }

        private static void AppendRecord(StringBuilder sb, CallRecord r)
        {
            AppendTime(sb, r.Time);
            sb.Append('\t').Append(CallRecord.KindName(r.Kind));
            sb.Append('\t').Append(CallRecord.EndingName(r.Ending));
            sb.Append('\t').Append(r.Status.ToString());
            sb.Append('\t').Append((r.DurationSeconds < 0 ? 0 : r.DurationSeconds).ToString());
            sb.Append('\t').Append(r.Unread ? '1' : '0');
            string[] texts = { r.Line, r.Number, r.Name, r.Uri, r.Outcome, r.HandledBy, r.Recording, r.CallId, r.Contact, r.Company };
            int last = texts.Length - 1;
            while (last >= 4 && (texts[last] == null || texts[last].Length == 0)) last--; // reserved fields only when used
            for (int i = 0; i <= last; i++)
            {
                sb.Append('\t');
                AppendEscaped(sb, texts[i]);
            }
            sb.Append('\n');
        }

        private static bool ReadHeader(string line, HistoryReadResult result)
        {
            if (line.Length <= Magic.Length + 1 || line.Substring(0, Magic.Length + 1) != Magic + " ") return false;
            string rest = line.Substring(Magic.Length + 1);
            int space = rest.IndexOf(' ');
            if (space <= 0) return false;
            int version, count;
            if (!TryParseNumber(rest.Substring(0, space), out version) || version < 1) return false;
            if (!TryParseNumber(rest.Substring(space + 1), out count)) return false;
            result.Version = version;
            result.Expected = count;
            return true;
        }

        private static string Decode(byte[] data, int start, int count)
        {
            if (count > 0 && data[start + count - 1] == (byte)'\r') count--;
            return count <= 0 ? "" : new string(Encoding.UTF8.GetChars(data, start, count));
        }

        private static string Shorten(string s)
        {
            string printable = "";
            for (int i = 0; i < s.Length && i < 24; i++) printable += s[i] < ' ' || s[i] > '~' ? "?" : new string(s[i], 1);
            return "'" + printable + (s.Length > 24 ? "...'" : "'");
        }

        /// <summary>The line's fields, unescaped; null when an escape is bad or there are too many.</summary>
        private static string[] SplitFields(string line)
        {
            string[] fields = new string[Fields + 8];
            int n = 0;
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\t')
                {
                    if (n == fields.Length - 1) return null;
                    fields[n++] = current.ToString();
                    current.Length = 0;
                }
                else if (c == '\\')
                {
                    if (i + 1 >= line.Length) return null;
                    char e = line[++i];
                    if (e == '\\') current.Append('\\');
                    else if (e == 't') current.Append('\t');
                    else if (e == 'n') current.Append('\n');
                    else if (e == 'r') current.Append('\r');
                    else return null;
                }
                else if (c < ' ' && c != '\t')
                {
                    return null; // control characters are always escaped on the way out
                }
                else
                {
                    current.Append(c);
                }
            }
            fields[n++] = current.ToString();
            string[] result = new string[n];
            Array.Copy(fields, result, n);
            return result;
        }

        private static void AppendEscaped(StringBuilder sb, string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '\\') sb.Append("\\\\");
                else if (c == '\t') sb.Append("\\t");
                else if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c < ' ') sb.Append(' ');
                else sb.Append(c);
            }
        }

        private static string Field(string s)
        {
            return s.Length == 0 ? null : s;
        }

        private static bool TryParseNumber(string s, out int value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > MaxNumberDigits) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return true;
        }

        private static void AppendTime(StringBuilder sb, DateTime t)
        {
            AppendDigits(sb, t.Year, 4);
            AppendDigits(sb, t.Month, 2);
            AppendDigits(sb, t.Day, 2);
            sb.Append('T');
            AppendDigits(sb, t.Hour, 2);
            AppendDigits(sb, t.Minute, 2);
            AppendDigits(sb, t.Second, 2);
        }

        private static void AppendDigits(StringBuilder sb, int value, int width)
        {
            string s = value.ToString();
            for (int i = s.Length; i < width; i++) sb.Append('0');
            sb.Append(s);
        }

        /// <summary>yyyyMMddTHHmmss, checked field by field (no exception for Feb 30).</summary>
        private static bool TryParseTime(string s, out DateTime time)
        {
            time = DateTime.MinValue;
            if (s.Length != 15 || s[8] != 'T') return false;
            int year, month, day, hour, minute, second;
            if (!TryParseNumber(s.Substring(0, 4), out year) || !TryParseNumber(s.Substring(4, 2), out month)
                || !TryParseNumber(s.Substring(6, 2), out day) || !TryParseNumber(s.Substring(9, 2), out hour)
                || !TryParseNumber(s.Substring(11, 2), out minute) || !TryParseNumber(s.Substring(13, 2), out second))
            {
                return false;
            }
            if (year < 2000 || month < 1 || month > 12 || day < 1 || day > DaysIn(year, month)) return false;
            if (hour > 23 || minute > 59 || second > 59) return false;
            time = new DateTime(year, month, day, hour, minute, second);
            return true;
        }

        private static int DaysIn(int year, int month)
        {
            if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            if (month == 4 || month == 6 || month == 9 || month == 11) return 30;
            return 31;
        }
    }
}
