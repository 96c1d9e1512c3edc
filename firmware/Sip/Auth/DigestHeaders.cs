// Which header carries a challenge and which carries its answer (RFC 3261 §22.2, §22.3).
namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>Header names of SIP digest authentication and how they pair up.</summary>
    public static class DigestHeaders
    {
        /// <summary>The challenge of a 401 (Unauthorized) from a registrar or UAS.</summary>
        public const string WwwAuthenticate = DeskPhone.Firmware.Sip.Message.SipHeaderNames.WwwAuthenticate;

        /// <summary>The challenge of a 407 (Proxy Authentication Required) from a proxy.</summary>
        public const string ProxyAuthenticate = DeskPhone.Firmware.Sip.Message.SipHeaderNames.ProxyAuthenticate;

        /// <summary>The answer to WWW-Authenticate.</summary>
        public const string Authorization = DeskPhone.Firmware.Sip.Message.SipHeaderNames.Authorization;

        /// <summary>The answer to Proxy-Authenticate.</summary>
        public const string ProxyAuthorization = DeskPhone.Firmware.Sip.Message.SipHeaderNames.ProxyAuthorization;

        /// <summary>
        /// The header that answers a challenge header: "Authorization" for WWW-Authenticate,
        /// "Proxy-Authorization" for Proxy-Authenticate (names compared ignoring ASCII case); null otherwise.
        /// </summary>
        public static string AnswerHeaderFor(string challengeHeaderName)
        {
            if (DigestText.EqualsIgnoreCase(challengeHeaderName, WwwAuthenticate))
            {
                return Authorization;
            }
            if (DigestText.EqualsIgnoreCase(challengeHeaderName, ProxyAuthenticate))
            {
                return ProxyAuthorization;
            }
            return null;
        }

        /// <summary>The challenge header a response status carries: WWW-Authenticate for 401, Proxy-Authenticate for 407, else null.</summary>
        public static string ChallengeHeaderFor(int statusCode)
        {
            if (statusCode == 401)
            {
                return WwwAuthenticate;
            }
            if (statusCode == 407)
            {
                return ProxyAuthenticate;
            }
            return null;
        }
    }
}
