// What came back from an HttpClient request: a status and body, or why there was none.
namespace DeskPhone.Firmware.Http
{
    /// <summary>The outcome of one request. <see cref="Status"/> is 0 when no response came (see <see cref="Error"/>).</summary>
    public sealed class HttpResult
    {
        internal HttpResult(int status, HttpHeaders headers, byte[] body, string error)
        {
            Status = status;
            Headers = headers;
            Body = body == null ? new byte[0] : body;
            Error = error;
        }

        /// <summary>The response status, or 0 when the request failed (refused, timed out, broken response).</summary>
        public int Status { get; private set; }

        /// <summary>The response's header fields (empty when none came).</summary>
        public HttpHeaders Headers { get; private set; }

        /// <summary>The body (at most <see cref="HttpResponseReader.MaxBodyBytes"/> kept).</summary>
        public byte[] Body { get; private set; }

        /// <summary>Why no response came ("connection refused", "timed out after 10000 ms"), or null.</summary>
        public string Error { get; private set; }

        /// <summary>True for a 2xx.</summary>
        public bool IsSuccess { get { return Status >= 200 && Status <= 299; } }

        /// <summary>The body as UTF-8 ("" when not text).</summary>
        public string BodyText
        {
            get
            {
                string s = Utf8.Strict(Body, 0, Body.Length);
                return s == null ? "" : s;
            }
        }
    }
}
