// A header value of the shape "value *(;param)": Event, Subscription-State, Content-Type, Replaces, Retry-After.
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// One header value made of a main part and ;parameters, e.g. "dialog;id=7",
    /// "active;expires=600", "application/sdp", "abc@host;to-tag=1;from-tag=2;early-only",
    /// "120 (in a meeting);duration=60". The main part is trimmed and kept as written.
    /// </summary>
    public sealed class SipHeaderValue
    {
        private SipHeaderValue(string value, SipParameters parameters)
        {
            Value = value;
            Parameters = parameters;
        }

        /// <summary>Creates a value with no parameters yet.</summary>
        public SipHeaderValue(string value)
            : this(value, new SipParameters())
        {
        }

        /// <summary>The part before the first ';' (outside quotes and comments), trimmed.</summary>
        public string Value { get; private set; }

        /// <summary>The ;parameters, in order.</summary>
        public SipParameters Parameters { get; private set; }

        /// <summary>A parameter's value as written, "" for a flag, null when absent.</summary>
        public string GetParameter(string name) { return Parameters.Get(name); }

        /// <summary>The value and its parameters, e.g. "active;expires=600".</summary>
        public override string ToString()
        {
            StringBuilder sb = new StringBuilder(Value);
            Parameters.AppendTo(sb);
            return sb.ToString();
        }

        /// <summary>Parses <paramref name="text"/>; null when it is empty or its parameters are malformed.</summary>
        public static SipHeaderValue Parse(string text)
        {
            if (text == null)
            {
                return null;
            }
            int end = 0;
            while (end < text.Length && text[end] != ';')
            {
                if (text[end] == '"')
                {
                    end = SipText.SkipQuoted(text, end);
                    if (end < 0)
                    {
                        return null;
                    }
                    continue;
                }
                if (text[end] == '(')
                {
                    int depth = 0;
                    while (end < text.Length)
                    {
                        if (text[end] == '(') depth++;
                        else if (text[end] == ')') depth--;
                        end++;
                        if (depth == 0) break;
                    }
                    continue;
                }
                end++;
            }
            string value = SipText.TrimWs(text.Substring(0, end));
            if (value.Length == 0)
            {
                return null;
            }
            SipParameters parameters = SipParameters.Parse(text, end);
            return parameters == null ? null : new SipHeaderValue(value, parameters);
        }
    }
}
