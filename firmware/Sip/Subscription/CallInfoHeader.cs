// Reading and writing the shared-appearance Call-Info header (BroadWorks SCA as Kamailio's sca writes it).
using System.Collections;
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// The Call-Info header of shared call appearances. Kamailio's sca writes (and reads, strictly in
    /// this order) <c>&lt;sip:DOMAIN&gt;;appearance-index=N;appearance-state=STATE;appearance-uri="..."</c>,
    /// several appearances comma-separated in one header, and ends a call-info NOTIFY's list with
    /// <c>appearance-index=*;appearance-state=idle</c>. <see cref="Format"/> writes that order;
    /// <see cref="TryParse"/> reads tolerantly: parameters in any order and case, spaces around
    /// <c>; = ,</c>, unknown parameters, quoted or bare values with backslash escapes. An entry it cannot
    /// use (no or a bad index, index 0, an unknown state) is skipped and named in the problem; a header
    /// with nothing usable is refused. Never throws.
    /// </summary>
    public static class CallInfoHeader
    {
        /// <summary>Most appearances read from one header (a hostile NOTIFY cannot grow the table without bound).</summary>
        public const int MaxAppearances = 32;

        /// <summary>Highest appearance index taken (sca numbers from 1 and grows one by one).</summary>
        public const int MaxIndex = 9999;

        /// <summary>
        /// "&lt;sip:office.example&gt;;appearance-index=2;appearance-state=held-private" (no state part
        /// for <see cref="AppearanceState.Unknown"/>): the order sca's parser demands.
        /// </summary>
        public static string Format(string domain, int index, AppearanceState state)
        {
            string text = "<sip:" + domain + ">;appearance-index=" + index.ToString();
            return state == AppearanceState.Unknown ? text : text + ";appearance-state=" + CallInfoAppearance.StateName(state);
        }

        /// <summary>
        /// Reads the appearances of one Call-Info header value. True when at least one entry was usable;
        /// <paramref name="problem"/> then names skipped entries (or is null). False, with the reason, for
        /// a header with no usable entry.
        /// </summary>
        public static bool TryParse(string value, out CallInfoAppearance[] appearances, out string problem)
        {
            appearances = new CallInfoAppearance[0];
            problem = null;
            if (value == null || value.Trim().Length == 0)
            {
                problem = "empty Call-Info";
                return false;
            }
            string[] items = SipText.SplitList(value);
            ArrayList found = new ArrayList();
            StringBuilder skipped = null;
            for (int i = 0; i < items.Length; i++)
            {
                CallInfoAppearance a;
                string why;
                if (found.Count >= MaxAppearances) why = "more than " + MaxAppearances.ToString() + " appearances";
                else if (TryParseOne(items[i], out a, out why)) { found.Add(a); continue; }
                if (skipped == null) skipped = new StringBuilder();
                else skipped.Append("; ");
                skipped.Append("entry ").Append((i + 1).ToString()).Append(": ").Append(why);
            }
            if (skipped != null) problem = skipped.ToString();
            if (found.Count == 0)
            {
                if (problem == null) problem = "no appearance in Call-Info";
                return false;
            }
            appearances = new CallInfoAppearance[found.Count];
            found.CopyTo(appearances);
            return true;
        }

        /// <summary>Every appearance of every Call-Info header of <paramref name="message"/> (unusable entries skipped).</summary>
        public static CallInfoAppearance[] Read(SipMessage message, out string problem)
        {
            problem = null;
            string[] lines = message == null ? new string[0] : message.GetHeaders(SipHeaderNames.CallInfo);
            ArrayList all = new ArrayList();
            for (int i = 0; i < lines.Length; i++)
            {
                CallInfoAppearance[] some;
                string why;
                bool ok = TryParse(lines[i], out some, out why);
                if (why != null) problem = problem == null ? why : problem + "; " + why;
                if (!ok) continue;
                for (int j = 0; j < some.Length && all.Count < MaxAppearances; j++) all.Add(some[j]);
            }
            CallInfoAppearance[] result = new CallInfoAppearance[all.Count];
            all.CopyTo(result);
            return result;
        }

        private static bool TryParseOne(string item, out CallInfoAppearance appearance, out string why)
        {
            appearance = null;
            why = null;
            string s = item.Trim();
            int i = 0;
            string line = null;
            if (s.Length > 0 && s[0] == '<')
            {
                int close = s.IndexOf('>');
                if (close < 0) { why = "unclosed '<'"; return false; }
                line = s.Substring(1, close - 1).Trim();
                i = close + 1;
            }
            else
            {
                int semi = s.IndexOf(';');
                line = (semi < 0 ? s : s.Substring(0, semi)).Trim();
                i = semi < 0 ? s.Length : semi;
            }
            CallInfoAppearance a = new CallInfoAppearance();
            a.Line = line;
            bool hasIndex = false;
            while (i < s.Length)
            {
                i = SipText.SkipWs(s, i);
                if (i >= s.Length) break;
                if (s[i] != ';') { why = "unexpected '" + new string(s[i], 1) + "'"; return false; }
                i = SipText.SkipWs(s, i + 1);
                int nameStart = i;
                while (i < s.Length && s[i] != '=' && s[i] != ';' && !SipText.IsWs(s[i])) i++;
                string name = s.Substring(nameStart, i - nameStart);
                i = SipText.SkipWs(s, i);
                string v = null;
                if (i < s.Length && s[i] == '=')
                {
                    i = SipText.SkipWs(s, i + 1);
                    if (i < s.Length && s[i] == '"')
                    {
                        int after = SipText.SkipQuoted(s, i);
                        if (after < 0) { why = "unclosed quote in " + name; return false; }
                        v = SipText.Unquote(s.Substring(i, after - i));
                        i = after;
                    }
                    else
                    {
                        int vs = i;
                        while (i < s.Length && s[i] != ';' && !SipText.IsWs(s[i])) i++;
                        v = s.Substring(vs, i - vs);
                    }
                }
                if (SipText.EqualsIgnoreCase(name, "appearance-index"))
                {
                    if (!ReadIndex(v, a, out why)) return false;
                    hasIndex = true;
                }
                else if (SipText.EqualsIgnoreCase(name, "appearance-state"))
                {
                    AppearanceState state;
                    if (!CallInfoAppearance.TryParseState(v, out state)) { why = "unknown appearance-state '" + (v == null ? "" : v) + "'"; return false; }
                    a.State = state;
                }
                else if (SipText.EqualsIgnoreCase(name, "appearance-uri"))
                {
                    a.Uri = v != null && v.Length > 0 ? v : null;
                }
            }
            if (!hasIndex) { why = "no appearance-index"; return false; }
            appearance = a;
            return true;
        }

        private static bool ReadIndex(string v, CallInfoAppearance a, out string why)
        {
            why = null;
            if (v == "*")
            {
                a.IsAllOthers = true;
                a.Index = 0;
                return true;
            }
            long n = SipText.ParseNumber(v);
            if (n < 0) { why = "bad appearance-index '" + (v == null ? "" : v) + "'"; return false; }
            if (n == 0) { why = "appearance-index 0 (appearances count from 1)"; return false; }
            if (n > MaxIndex) { why = "appearance-index " + v + " is too large"; return false; }
            a.Index = (int)n;
            return true;
        }
    }
}
