// A response the server sends: status, a few headers and a body, written as HTTP/1.1 bytes.
using System.Text;

namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// What a handler fills in. The server adds Content-Length and Connection when it writes it
    /// (<see cref="ToBytes"/>).
    /// </summary>
    public sealed class HttpResponse
    {
        private readonly HttpHeaders _headers = new HttpHeaders();

        /// <summary>A 200 with no body.</summary>
        public HttpResponse()
        {
            Status = 200;
            Body = new byte[0];
        }

        /// <summary>The status code.</summary>
        public int Status;

        /// <summary>The body bytes (never null; ignored when <see cref="BodySource"/> is set).</summary>
        public byte[] Body;

        /// <summary>A body the server pulls in pieces instead of <see cref="Body"/> (null for none); see <see cref="Stream"/>.</summary>
        public IHttpBodySource BodySource;

        /// <summary>Extra header fields (the server writes Content-Length and Connection itself).</summary>
        public HttpHeaders Headers { get { return _headers; } }

        /// <summary>Sets a JSON body and its status.</summary>
        public void Json(int status, string json)
        {
            Status = status;
            Body = Encoding.UTF8.GetBytes(json);
            SetContentType("application/json");
        }

        /// <summary>{"error": "..."} with <paramref name="status"/>.</summary>
        public void Error(int status, string reason)
        {
            Json(status, "{\"error\":" + DeskPhone.Firmware.Json.JsonWriter.Quote(reason) + "}");
        }

        /// <summary>
        /// A body sent in pieces from <paramref name="source"/> as the connection drains (a file too
        /// long for RAM); Content-Length is the source's length.
        /// </summary>
        public void Stream(int status, string contentType, IHttpBodySource source)
        {
            Status = status;
            Body = new byte[0];
            BodySource = source;
            SetContentType(contentType);
        }

        private void SetContentType(string type)
        {
            if (_headers.Get("Content-Type") == null) _headers.Add("Content-Type", type);
        }

        /// <summary>The response on the wire (with <see cref="Body"/>); <paramref name="close"/> says Connection: close.</summary>
        public byte[] ToBytes(bool close)
        {
            byte[] h = HeadBytes(close);
            byte[] all = new byte[h.Length + Body.Length];
            System.Array.Copy(h, 0, all, 0, h.Length);
            System.Array.Copy(Body, 0, all, h.Length, Body.Length);
            return all;
        }

        /// <summary>Status line and header fields, ending with the empty line; Content-Length from the body or its source.</summary>
        public byte[] HeadBytes(bool close)
        {
            StringBuilder head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(Status.ToString()).Append(' ').Append(HttpStatus.Reason(Status)).Append("\r\n");
            for (int i = 0; i < _headers.Count; i++)
            {
                head.Append(_headers.NameAt(i)).Append(": ").Append(_headers.ValueAt(i)).Append("\r\n");
            }
            int length = BodySource != null ? BodySource.Length : Body.Length;
            head.Append("Content-Length: ").Append(length.ToString()).Append("\r\n");
            head.Append(close ? "Connection: close\r\n" : "Connection: keep-alive\r\n");
            head.Append("Cache-Control: no-store\r\n\r\n");
            return Encoding.UTF8.GetBytes(head.ToString());
        }
    }
}
