// The "lookupUrl" of the device file: an http(s) URL with a {number} placeholder, checked by the HTTP client's URL rules.
using System.Text;
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// <c>http://ADDRESS[:PORT]/PATH?QUERY</c> (or https://) with a <c>{number}</c> placeholder, e.g.
    /// <c>http://10.0.0.5:8000/lookup?number={number}</c>. Everything but the placeholder follows
    /// <see cref="HttpUrl"/>: the host is an IPv4 literal (the phone does not resolve names).
    /// </summary>
    public sealed class LookupUrl
    {
        /// <summary>The placeholder the number replaces.</summary>
        public const string Placeholder = "{number}";

        private readonly int _placeholderAt;

        private LookupUrl(string text, int placeholderAt)
        {
            Text = text;
            _placeholderAt = placeholderAt;
        }

        /// <summary>The URL as written.</summary>
        public string Text { get; private set; }

        /// <summary>Reads <paramref name="text"/>; null with <paramref name="problem"/> saying why when it is not a usable lookup URL.</summary>
        public static LookupUrl TryParse(string text, out string problem)
        {
            HttpUrl url;
            if (!HttpUrl.TryParse(text, out url, out problem)) return null;
            int at = url.PathAndQuery.IndexOf(Placeholder);
            if (at < 0)
            {
                problem = "has no " + Placeholder + " placeholder where the caller's number goes";
                return null;
            }
            return new LookupUrl(text, text.IndexOf(Placeholder));
        }

        /// <summary>The URL to ask for <paramref name="number"/>, percent-encoded ("http://10.0.0.5:8000/lookup?number=%2B442079460018").</summary>
        public string UrlFor(string number)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append(Text.Substring(0, _placeholderAt));
            const string hex = "0123456789ABCDEF";
            byte[] bytes = Encoding.UTF8.GetBytes(number);
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                bool plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
                if (plain) sb.Append((char)b);
                else sb.Append('%').Append(hex[b >> 4]).Append(hex[b & 15]);
            }
            sb.Append(Text.Substring(_placeholderAt + Placeholder.Length));
            return sb.ToString();
        }
    }
}
