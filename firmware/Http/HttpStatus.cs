// Reason phrases for the statuses the phone sends.
namespace DeskPhone.Firmware.Http
{
    /// <summary>Standard reason phrases (RFC 9110 §15).</summary>
    public static class HttpStatus
    {
        /// <summary>"OK", "Not Found"...; "Status" for one not listed.</summary>
        public static string Reason(int status)
        {
            switch (status)
            {
                case 200: return "OK";
                case 201: return "Created";
                case 202: return "Accepted";
                case 204: return "No Content";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 408: return "Request Timeout";
                case 409: return "Conflict";
                case 413: return "Content Too Large";
                case 414: return "URI Too Long";
                case 415: return "Unsupported Media Type";
                case 422: return "Unprocessable Content";
                case 429: return "Too Many Requests";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 501: return "Not Implemented";
                case 503: return "Service Unavailable";
                case 505: return "HTTP Version Not Supported";
                default: return "Status";
            }
        }
    }
}
