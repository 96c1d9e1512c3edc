// Parsing an SDP body (RFC 4566 §5, grammar §9): tolerant of what peers send, bounded against what attackers send.
namespace DeskPhone.Firmware.Media.Sdp
{
    public sealed partial class SdpSession
    {
        /// <summary>Longest body accepted, in characters.</summary>
        public const int MaxLength = 32768;

        /// <summary>Longest line accepted, in characters (long video fmtp lines stay well below).</summary>
        public const int MaxLineLength = 2048;

        /// <summary>Most lines accepted in one body.</summary>
        public const int MaxLines = 512;

        /// <summary>Most m= sections accepted in one body.</summary>
        public const int MaxMediaCount = 16;

        /// <summary>
        /// Parses an SDP body. Accepts CRLF or bare LF line ends, blank lines, unknown line types and
        /// attributes (all kept for printing back), several c= lines at one level (the first is
        /// used), an empty s= and a missing s= or t=. Refuses, with <paramref name="reason"/> naming
        /// the line ("line 5: m= port 'x' is not a number from 0 to 65535"): a missing or wrong v=0
        /// first line, a missing or malformed o=, a malformed c= or m= line, control characters,
        /// and bodies beyond <see cref="MaxLength"/>, <see cref="MaxLineLength"/>,
        /// <see cref="MaxLines"/> or <see cref="MaxMediaCount"/>.
        /// Never throws for bad input.
        /// </summary>
        public static bool TryParse(string text, out SdpSession session, out string reason)
        {
            session = null;
            if (text == null)
            {
                reason = "the SDP body is missing";
                return false;
            }
            if (text.Length > MaxLength)
            {
                reason = "the SDP body is " + text.Length.ToString() + " characters long; at most " + MaxLength.ToString() + " are accepted";
                return false;
            }
            SdpSession parsed = new SdpSession(null);
            parsed._name = null;
            reason = parsed.Parse(text);
            if (reason != null) return false;
            session = parsed;
            return true;
        }

        /// <summary>Fills this instance; returns null or what is wrong.</summary>
        private string Parse(string text)
        {
            int lineNumber = 0;
            int lineCount = 0;
            bool sawVersion = false;
            SdpSection section = this;
            SdpMedia media = null;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                lineNumber++;
                int stop = end;
                if (stop > start && text[stop - 1] == '\r') stop--;
                if (stop - start > MaxLineLength)
                {
                    return At(lineNumber, "is " + (stop - start).ToString() + " characters long; at most " + MaxLineLength.ToString() + " are accepted");
                }
                string line = text.Substring(start, stop - start);
                start = end + 1;
                if (line.Trim().Length == 0) continue; // blank lines and a trailing line end
                if (++lineCount > MaxLines)
                {
                    return "the SDP body has more than " + MaxLines.ToString() + " lines";
                }
                string problem = CheckLine(line);
                if (problem != null) return At(lineNumber, problem);
                char type = line[0];
                string value = line.Substring(2);
                if (!sawVersion)
                {
                    if (type != 'v') return "the SDP body does not start with v=0 (line " + lineNumber.ToString() + " is " + SdpText.Quote(line) + ")";
                    if (value.Trim() != "0") return At(lineNumber, "version " + SdpText.Quote(value) + " is not 0");
                    sawVersion = true;
                    continue;
                }
                switch (type)
                {
                    case 'v':
                        return At(lineNumber, "a second v= line (only one session per body is accepted)");
                    case 'm':
                        if (MediaCount >= MaxMediaCount)
                        {
                            return "the SDP body has more than " + MaxMediaCount.ToString() + " m= lines";
                        }
                        media = ParseMedia(value, out problem);
                        if (media == null) return At(lineNumber, problem);
                        AddMedia(media);
                        section = media;
                        break;
                    case 'c':
                        SdpConnection c = SdpConnection.Parse(value, out problem);
                        if (c == null) return At(lineNumber, problem);
                        if (section.Connection == null) section.Connection = c;
                        else section.AddLine(new SdpLine('c', value)); // further multicast layers: kept, not used

                        break;
                    case 'a':
                        if (value.Length == 0) return At(lineNumber, "a= has no attribute name");
                        section.Attributes.Add(SdpAttribute.FromLineValue(value));
                        break;
                    case 'o':
                        if (media != null) goto default;
                        if (_origin != null) return At(lineNumber, "a second o= line");
                        _origin = SdpOrigin.Parse(value, out problem);
                        if (_origin == null) return At(lineNumber, problem);
                        break;
                    case 's':
                        if (media != null) goto default;
                        if (_name != null) return At(lineNumber, "a second s= line");
                        _name = value;
                        break;
                    default:
                        section.AddLine(new SdpLine(type, value));
                        break;
                }
            }
            if (!sawVersion) return "the SDP body is empty";
            if (_origin == null) return "the SDP body has no o= line";
            if (_name == null) _name = "-";
            return null;
        }

        private static string At(int lineNumber, string problem)
        {
            return "line " + lineNumber.ToString() + ": " + problem;
        }

        /// <summary>Null when <paramref name="line"/> looks like "x=value" with no control characters.</summary>
        private static string CheckLine(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if ((c < ' ' && c != '\t') || c == '\u007F') return "contains a control character";
            }
            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                return SdpText.Quote(line) + " is not a line of the form <letter>=<value>";
            }
            return null;
        }

        /// <summary>Reads the text after "m="; null and a reason for a bad port or missing fields.</summary>
        private static SdpMedia ParseMedia(string value, out string problem)
        {
            string[] f = SdpText.Fields(value);
            if (f.Length < 3)
            {
                problem = "m= needs a media type, a port and a protocol, then formats: " + SdpText.Quote(value);
                return null;
            }
            string portText = f[1];
            int count = 0;
            int slash = portText.IndexOf('/');
            if (slash >= 0)
            {
                count = SdpText.ParseInt(portText.Substring(slash + 1));
                if (count < 1 || count > 65535)
                {
                    problem = "m= port count " + SdpText.Quote(portText.Substring(slash + 1)) + " is not a number from 1 to 65535";
                    return null;
                }
                portText = portText.Substring(0, slash);
            }
            int port = SdpText.ParsePort(portText);
            if (port < 0)
            {
                problem = "m= port " + SdpText.Quote(portText) + " is not a number from 0 to 65535";
                return null;
            }
            string[] formats = new string[f.Length - 3];
            for (int i = 3; i < f.Length; i++) formats[i - 3] = f[i];
            SdpMedia media = new SdpMedia(f[0], port, f[2], formats);
            media.PortCount = count;
            problem = null;
            return media;
        }
    }
}
