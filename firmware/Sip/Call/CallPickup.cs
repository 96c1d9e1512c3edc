// Directed pickup (RFC 3891 + RFC 4235): the target that makes CallManager.Connect send an INVITE with Replaces.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// Builds the target for <see cref="CallManager.Connect"/> that picks up a call ringing at
    /// someone else. RFC 3891 §3 lets only the UA that <em>initiated</em> an early dialog accept a
    /// Replaces for it (the ringing phone must answer 481), so the pickup INVITE goes to the
    /// <em>caller</em>, naming the ringing dialog as the caller sees it: to-tag = the caller's tag,
    /// from-tag = the ringing phone's tag, and early-only so that a call answered meanwhile is not
    /// taken (486). The caller answers the new INVITE and cancels its INVITE to the ringing phone.
    /// </summary>
    public static class CallPickup
    {
        /// <summary>
        /// "sip:203@office.example?Replaces=CALLID%3Bto-tag%3D...%3Bfrom-tag%3D...%3Bearly-only" from the
        /// ringing dialog as RFC 4235 reports it for the watched (ringing) user: its call-id, local tag
        /// (the ringing phone's) and remote tag (the caller's). <paramref name="callerUri"/> is the caller's
        /// target or identity. Null when a part is missing.
        /// </summary>
        public static string Target(string callerUri, string callId, string ringingPhoneTag, string callerTag)
        {
            if (Empty(callerUri) || Empty(callId) || Empty(ringingPhoneTag) || Empty(callerTag)) return null;
            string uri = callerUri.Trim();
            if (uri.Length > 1 && uri[0] == '<' && uri[uri.Length - 1] == '>') uri = uri.Substring(1, uri.Length - 2);
            int q = uri.IndexOf('?');
            if (q >= 0) uri = uri.Substring(0, q);
            string replaces = callId + ";to-tag=" + callerTag + ";from-tag=" + ringingPhoneTag + ";early-only";
            return uri + "?Replaces=" + SipText.EscapeUriHeader(replaces);
        }

        private static bool Empty(string s)
        {
            return s == null || s.Trim().Length == 0;
        }
    }
}
