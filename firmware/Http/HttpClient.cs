// Sends HTTP/1.1 requests (GET, POST) over the HAL's TCP or TLS streams, with a timeout on the loop's clock.
using System.Text;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>Called once on the loop with the outcome of a request.</summary>
    public delegate void HttpDone(HttpResult result);

    /// <summary>
    /// One request per connection (Connection: close), so nothing is left open between webhooks.
    /// https:// asks the HAL for TLS with the URL's host as the name to check, and fails with a
    /// reason when <see cref="INetwork.SupportsTls"/> is false. The callback always runs later on
    /// the loop, never inside <see cref="Send"/>.
    /// </summary>
    public sealed class HttpClient
    {
        private readonly INetwork _network;
        private readonly EventLoop _loop;

        /// <summary>A client on <paramref name="network"/> whose callbacks and timers run on <paramref name="loop"/>.</summary>
        public HttpClient(INetwork network, EventLoop loop)
        {
            _network = network;
            _loop = loop;
        }

        /// <summary>How long a request may take from connect to the last byte of its response.</summary>
        public int TimeoutMs = 10000;

        /// <summary>What the phone calls itself in User-Agent.</summary>
        public string UserAgent = "DeskPhone";

        /// <summary>The Accept field sent ("application/json"), or null for none.</summary>
        public string Accept;

        /// <summary>Most body bytes of a response kept (<see cref="HttpResponseReader.MaxBodyBytes"/> unless set).</summary>
        public int MaxBodyBytes = HttpResponseReader.MaxBodyBytes;

        /// <summary>
        /// False (the default): a larger body is cut to <see cref="MaxBodyBytes"/> and the rest read and
        /// dropped. True: the request fails ("bad response: body larger than N bytes") as soon as the
        /// body is known to be larger, without reading it all.
        /// </summary>
        public bool RefuseLargerBodies;

        /// <summary>GETs <paramref name="url"/>.</summary>
        public void Get(string url, string bearerToken, HttpDone done)
        {
            Send("GET", url, bearerToken, null, null, done);
        }

        /// <summary>POSTs <paramref name="json"/> as application/json to <paramref name="url"/>.</summary>
        public void PostJson(string url, string bearerToken, string json, HttpDone done)
        {
            Send("POST", url, bearerToken, "application/json", Encoding.UTF8.GetBytes(json), done);
        }

        /// <summary>Sends a request; <paramref name="done"/> runs once on the loop.</summary>
        public void Send(string method, string url, string bearerToken, string contentType, byte[] body, HttpDone done)
        {
            HttpUrl parsed;
            string reason;
            if (!HttpUrl.TryParse(url, out parsed, out reason))
            {
                new HttpExchange(this, done).FailLater("URL " + reason);
                return;
            }
            if (parsed.IsHttps && !_network.SupportsTls)
            {
                new HttpExchange(this, done).FailLater("https is not available on this network (no TLS)");
                return;
            }
            StringBuilder head = new StringBuilder();
            head.Append(method).Append(' ').Append(parsed.PathAndQuery).Append(" HTTP/1.1\r\n");
            head.Append("Host: ").Append(parsed.HostHeader).Append("\r\n");
            head.Append("User-Agent: ").Append(UserAgent).Append("\r\n");
            if (Accept != null) head.Append("Accept: ").Append(Accept).Append("\r\n");
            if (bearerToken != null) head.Append("Authorization: Bearer ").Append(bearerToken).Append("\r\n");
            if (contentType != null) head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            if (body != null || method == "POST") head.Append("Content-Length: ").Append((body == null ? 0 : body.Length).ToString()).Append("\r\n");
            head.Append("Connection: close\r\n\r\n");
            byte[] h = Encoding.UTF8.GetBytes(head.ToString());
            int bodyLength = body == null ? 0 : body.Length;
            byte[] wire = new byte[h.Length + bodyLength];
            System.Array.Copy(h, 0, wire, 0, h.Length);
            if (bodyLength > 0) System.Array.Copy(body, 0, wire, h.Length, bodyLength);
            new HttpExchange(this, done).Start(parsed, wire);
        }

        internal INetwork Network { get { return _network; } }

        internal EventLoop Loop { get { return _loop; } }
    }
}
