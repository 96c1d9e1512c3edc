// One HTTP/1.1 request as the server's parser produced it.
namespace DeskPhone.Firmware.Http
{
    /// <summary>A parsed request: method, target split into path and query, headers and body.</summary>
    public sealed class HttpRequest
    {
        internal HttpRequest(string method, string target, int minorVersion, HttpHeaders headers, byte[] body)
        {
            Method = method;
            Target = target;
            MinorVersion = minorVersion;
            Headers = headers;
            Body = body;
            int q = target.IndexOf('?');
            Path = q < 0 ? target : target.Substring(0, q);
            Query = q < 0 ? "" : target.Substring(q + 1);
            KeepAlive = minorVersion >= 1 ? !headers.HasToken("Connection", "close") : headers.HasToken("Connection", "keep-alive");
        }

        /// <summary>"GET", "POST"... (case-sensitive, RFC 9110 §9.1).</summary>
        public string Method { get; private set; }

        /// <summary>The request target as sent: "/api/dial?number=202".</summary>
        public string Target { get; private set; }

        /// <summary>The target before '?', still %-encoded: "/api/dial".</summary>
        public string Path { get; private set; }

        /// <summary>The target after '?', or "".</summary>
        public string Query { get; private set; }

        /// <summary>1 for HTTP/1.1, 0 for HTTP/1.0.</summary>
        public int MinorVersion { get; private set; }

        /// <summary>The header fields.</summary>
        public HttpHeaders Headers { get; private set; }

        /// <summary>The body (empty, never null).</summary>
        public byte[] Body { get; private set; }

        /// <summary>False when the client asked to close after this request (or spoke HTTP/1.0 without keep-alive).</summary>
        public bool KeepAlive { get; private set; }

        /// <summary>Where it came from (set by the server).</summary>
        public string RemoteAddress { get; internal set; }

        /// <summary>The body as UTF-8 text ("" when empty or not valid UTF-8).</summary>
        public string BodyText
        {
            get
            {
                string text = Utf8.Strict(Body, 0, Body.Length);
                return text == null ? "" : text;
            }
        }

        /// <summary>The first query parameter <paramref name="name"/>, %-decoded ('+' as space); null when absent or badly encoded.</summary>
        public string QueryValue(string name)
        {
            return FormValue(Query, name);
        }

        /// <summary>
        /// The first <paramref name="name"/> of "a=1&amp;b=2" text (a query, or a form-encoded body),
        /// %-decoded ('+' as space); "" for a name without '='; null when absent or badly encoded.
        /// </summary>
        public static string FormValue(string text, string name)
        {
            int start = 0;
            while (start < text.Length)
            {
                int amp = text.IndexOf('&', start);
                int end = amp < 0 ? text.Length : amp;
                int eq = text.IndexOf('=', start);
                string key = eq >= 0 && eq < end ? text.Substring(start, eq - start) : text.Substring(start, end - start);
                if (PercentEncoding.Decode(key, true) == name)
                {
                    return eq >= 0 && eq < end ? PercentEncoding.Decode(text.Substring(eq + 1, end - eq - 1), true) : "";
                }
                if (amp < 0) break;
                start = amp + 1;
            }
            return null;
        }
    }
}
