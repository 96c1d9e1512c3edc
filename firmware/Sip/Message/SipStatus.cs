// Status codes and their default reason phrases (RFC 3261 §21 and extensions).
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>Default reason phrases for the status codes a phone sends or meets.</summary>
    public static class SipStatus
    {
        private static readonly int[] Codes = new int[]
        {
            100, 180, 181, 182, 183, 199, 200, 202, 204, 300, 301, 302, 305, 380,
            400, 401, 402, 403, 404, 405, 406, 407, 408, 410, 412, 413, 414, 415, 416, 417, 420, 421, 422, 423,
            428, 429, 430, 433, 436, 437, 438, 439, 440, 469, 470, 480, 481, 482, 483, 484, 485, 486, 487, 488,
            489, 491, 493, 494, 500, 501, 502, 503, 504, 505, 513, 555, 580, 600, 603, 604, 606, 607, 608
        };

        private static readonly string[] Phrases = new string[]
        {
            "Trying", "Ringing", "Call Is Being Forwarded", "Queued", "Session Progress", "Early Dialog Terminated",
            "OK", "Accepted", "No Notification", "Multiple Choices", "Moved Permanently", "Moved Temporarily",
            "Use Proxy", "Alternative Service",
            "Bad Request", "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Method Not Allowed",
            "Not Acceptable", "Proxy Authentication Required", "Request Timeout", "Gone", "Conditional Request Failed",
            "Request Entity Too Large", "Request-URI Too Long", "Unsupported Media Type", "Unsupported URI Scheme",
            "Unknown Resource-Priority", "Bad Extension", "Extension Required", "Session Interval Too Small",
            "Interval Too Brief", "Use Identity Header", "Provide Referrer Identity", "Flow Failed",
            "Anonymity Disallowed", "Bad Identity-Info", "Unsupported Certificate", "Invalid Identity Header",
            "First Hop Lacks Outbound Support", "Max-Breadth Exceeded", "Bad Info Package", "Consent Needed",
            "Temporarily Unavailable", "Call/Transaction Does Not Exist", "Loop Detected", "Too Many Hops",
            "Address Incomplete", "Ambiguous", "Busy Here", "Request Terminated", "Not Acceptable Here",
            "Bad Event", "Request Pending", "Undecipherable", "Security Agreement Required",
            "Server Internal Error", "Not Implemented", "Bad Gateway", "Service Unavailable", "Server Time-out",
            "Version Not Supported", "Message Too Large", "Push Notification Service Not Supported",
            "Precondition Failure", "Busy Everywhere", "Decline", "Does Not Exist Anywhere", "Not Acceptable",
            "Unwanted", "Rejected"
        };

        /// <summary>The usual reason phrase for <paramref name="code"/>, else a generic one for its class.</summary>
        public static string DefaultReason(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code)
                {
                    return Phrases[i];
                }
            }
            if (code < 200) return "Provisional";
            if (code < 300) return "Success";
            if (code < 400) return "Redirection";
            if (code < 500) return "Client Error";
            if (code < 600) return "Server Error";
            return "Global Failure";
        }
    }
}
