// An http:// or https:// URL taken apart: host (an IP address: the HAL has no resolver), port, path.
namespace DeskPhone.Firmware.Http
{
    /// <summary>A parsed URL for <see cref="HttpClient"/>. Built by <see cref="TryParse"/> only.</summary>
    public sealed class HttpUrl
    {
        private HttpUrl(bool tls, string host, int port, string pathAndQuery)
        {
            IsHttps = tls;
            Host = host;
            Port = port;
            PathAndQuery = pathAndQuery;
        }

        /// <summary>True for https.</summary>
        public bool IsHttps { get; private set; }

        /// <summary>The host as written (an IPv4 address).</summary>
        public string Host { get; private set; }

        /// <summary>The port (80/443 when not written).</summary>
        public int Port { get; private set; }

        /// <summary>"/phone-events?x=1" ("/" when empty).</summary>
        public string PathAndQuery { get; private set; }

        /// <summary>What goes into the Host header: "10.0.0.5:8000" (the port left out when it is the scheme's).</summary>
        public string HostHeader
        {
            get { return Port == (IsHttps ? 443 : 80) ? Host : Host + ":" + Port.ToString(); }
        }

        /// <summary>
        /// Parses "http://10.0.0.5:8000/phone-events". False with a reason for another scheme, a host
        /// that is not an IPv4 address, a bad port, user info, a fragment, or spaces.
        /// </summary>
        public static bool TryParse(string text, out HttpUrl url, out string reason)
        {
            url = null;
            reason = null;
            if (text == null) { reason = "no URL"; return false; }
            bool tls;
            int rest;
            if (text.StartsWith("http://")) { tls = false; rest = 7; }
            else if (text.StartsWith("https://")) { tls = true; rest = 8; }
            else { reason = "must start with http:// or https://"; return false; }
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] <= ' ' || text[i] > '~') { reason = "has a space or a character that must be %-encoded"; return false; }
            }
            if (text.IndexOf('#') >= 0) { reason = "must not have a #fragment"; return false; }
            int slash = text.IndexOf('/', rest);
            int q = text.IndexOf('?', rest);
            int hostEnd = slash < 0 ? text.Length : slash;
            if (q >= 0 && q < hostEnd) hostEnd = q;
            string authority = text.Substring(rest, hostEnd - rest);
            if (authority.IndexOf('@') >= 0) { reason = "must not carry a user name or password (use the token)"; return false; }
            string host = authority;
            int port = tls ? 443 : 80;
            int colon = authority.IndexOf(':');
            if (colon >= 0)
            {
                host = authority.Substring(0, colon);
                port = HttpHead.Digits(authority.Substring(colon + 1), 65535);
                if (port < 1 || port > 65535) { reason = "has a bad port"; return false; }
            }
            if (!IpAddress.IsIPv4(host)) { reason = "host '" + HttpHead.Shown(host) + "' must be an IPv4 address (the phone does not look names up)"; return false; }
            string path = hostEnd < text.Length ? text.Substring(hostEnd) : "/";
            if (path[0] == '?') path = "/" + path;
            url = new HttpUrl(tls, host, port, path);
            return true;
        }
    }
}
