// Application-level checks a UAS makes before processing a request (RFC 3261 §8.2; RFC 4475 §3.3).
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// Judges a parsed request the way RFC 3261 §8.2 orders it: method (501/405), headers
    /// (400 unreadable From/To/Request-URI or a header the method needs, 416 URI scheme, 420
    /// Require), content (415 body type, 406 Accept) and, for a proxy, 483 Max-Forwards 0.
    /// Returns 0 when the request may be processed. Responses always pass.
    /// </summary>
    public static class SipRequestCheck
    {
        /// <summary>The status a desk phone answers <paramref name="request"/> with, or 0 (policy <see cref="SipRequestPolicy.Phone"/>).</summary>
        public static int Check(SipMessage request)
        {
            string reason;
            return Check(request, DefaultPolicy, out reason);
        }

        private static readonly SipRequestPolicy DefaultPolicy = SipRequestPolicy.Phone;

        /// <summary>The status to answer with under <paramref name="policy"/>, or 0; <paramref name="reason"/> is a reason phrase for it.</summary>
        public static int Check(SipMessage request, SipRequestPolicy policy, out string reason)
        {
            reason = null;
            if (request == null || !request.IsRequest)
            {
                return 0;
            }
            string method = request.Method;
            if (!Contains(policy.Methods, method, false))
            {
                return Fail(SipMethods.IsKnown(method) ? 405 : 501, null, out reason);
            }
            if (policy.IsProxy && request.MaxForwards == 0)
            {
                return Fail(483, null, out reason);
            }
            if (!Contains(policy.UriSchemes, request.RequestUriScheme, true))
            {
                return Fail(416, null, out reason);
            }
            if (request.IsSipRequestUri && request.RequestUri == null)
            {
                return Fail(400, "Bad Request-URI", out reason);
            }
            if (request.From == null)
            {
                return Fail(400, "Bad From", out reason);
            }
            if (request.To == null)
            {
                return Fail(400, "Bad To", out reason);
            }
            if (policy.IsRegistrar && method == SipMethods.Register)
            {
                string scheme = request.To.Scheme;
                if (scheme != "sip" && scheme != "sips")
                {
                    return Fail(400, "Address of record must be a SIP URI", out reason);
                }
            }
            string needed = MissingHeader(request);
            if (needed != null)
            {
                return Fail(method == SipMethods.Subscribe && needed == SipHeaderNames.Event ? 489 : 400, "Missing " + needed, out reason);
            }
            if (method != SipMethods.Ack && method != SipMethods.Cancel && UnsupportedTags(request, policy).Length > 0)
            {
                return Fail(420, null, out reason);
            }
            if (request.BodyLength > 0)
            {
                string type = request.ContentMediaType;
                if (type == null || !Contains(policy.BodyTypes, type, true))
                {
                    return Fail(415, null, out reason);
                }
            }
            if ((method == SipMethods.Invite || method == SipMethods.Options) && !AcceptsSdp(request))
            {
                return Fail(406, null, out reason);
            }
            return 0;
        }

        /// <summary>The Require (and, for a proxy, Proxy-Require) tags the policy does not support: the 420's Unsupported header.</summary>
        public static string[] UnsupportedTags(SipMessage request, SipRequestPolicy policy)
        {
            string[] require = request.Require;
            string[] proxy = policy.IsProxy ? request.ProxyRequire : SipText.NoStrings;
            System.Collections.ArrayList missing = null;
            for (int i = 0; i < require.Length + proxy.Length; i++)
            {
                string tag = i < require.Length ? require[i] : proxy[i - require.Length];
                if (!Contains(policy.OptionTags, tag, true))
                {
                    if (missing == null)
                    {
                        missing = new System.Collections.ArrayList();
                    }
                    missing.Add(tag);
                }
            }
            return missing == null ? SipText.NoStrings : (string[])missing.ToArray(typeof(string));
        }

        /// <summary>A header the method cannot do without (RFC 3261 §8.1.1.8, RFC 6665 §8.2.1, RFC 3515 §2.4.1), or null.</summary>
        private static string MissingHeader(SipMessage request)
        {
            string m = request.Method;
            if (m == SipMethods.Invite && !request.HasHeader(SipHeaderNames.Contact))
            {
                return SipHeaderNames.Contact;
            }
            if ((m == SipMethods.Subscribe || m == SipMethods.Notify) && request.Event == null)
            {
                return SipHeaderNames.Event;
            }
            if (m == SipMethods.Notify && request.SubscriptionState == null)
            {
                return SipHeaderNames.SubscriptionState;
            }
            if (m == SipMethods.Refer && request.ReferTo == null)
            {
                return SipHeaderNames.ReferTo;
            }
            return null;
        }

        /// <summary>No Accept header means application/sdp (RFC 3261 §20.1); otherwise a range must cover it.</summary>
        private static bool AcceptsSdp(SipMessage request)
        {
            if (!request.HasHeader(SipHeaderNames.Accept))
            {
                return true;
            }
            string[] ranges = request.Accept;
            if (ranges.Length == 0)
            {
                return true;
            }
            for (int i = 0; i < ranges.Length; i++)
            {
                SipHeaderValue v = SipHeaderValue.Parse(ranges[i]);
                string type = v == null ? "" : SipText.LowerAscii(v.Value);
                if (type == "application/sdp" || type == "application/*" || type == "*/*")
                {
                    return true;
                }
            }
            return false;
        }

        private static int Fail(int status, string text, out string reason)
        {
            reason = text != null ? text : SipStatus.DefaultReason(status);
            return status;
        }

        private static bool Contains(string[] list, string item, bool ignoreCase)
        {
            if (list == null || item == null)
            {
                return false;
            }
            for (int i = 0; i < list.Length; i++)
            {
                if (ignoreCase ? SipText.EqualsIgnoreCase(list[i], item) : list[i] == item)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
