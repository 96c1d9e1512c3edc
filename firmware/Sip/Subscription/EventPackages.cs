// Event package names and their defaults (Accept, Expires).
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>The event packages the phone subscribes to, with the body type and duration each wants.</summary>
    public static class EventPackages
    {
        /// <summary>RFC 4235 dialog state (BLF).</summary>
        public const string Dialog = "dialog";
        /// <summary>Shared call appearances (BroadWorks / Kamailio sca): state in Call-Info headers, no body.</summary>
        public const string CallInfo = "call-info";
        /// <summary>Seizing a shared appearance before dialing (Expires ≤ 15).</summary>
        public const string LineSeize = "line-seize";
        /// <summary>RFC 3842 message waiting.</summary>
        public const string MessageSummary = "message-summary";
        /// <summary>RFC 3856 presence.</summary>
        public const string Presence = "presence";
        /// <summary>RFC 3515 REFER progress (the call layer's, never subscribed here).</summary>
        public const string Refer = "refer";

        /// <summary>Default Expires: 1800 s (PHONE-BEHAVIOUR), 15 s for line-seize.</summary>
        public const int DefaultExpires = 1800;

        /// <summary>Longest line-seize the phone asks for.</summary>
        public const int LineSeizeExpires = 15;

        /// <summary>The Accept value for <paramref name="package"/>, or null for packages without a body.</summary>
        public static string DefaultAccept(string package)
        {
            if (Is(package, Dialog)) return "application/dialog-info+xml";
            if (Is(package, MessageSummary)) return "application/simple-message-summary";
            if (Is(package, Presence)) return "application/pidf+xml";
            return null;
        }

        /// <summary>The Expires to ask for with <paramref name="package"/>.</summary>
        public static int DefaultExpiresOf(string package)
        {
            return Is(package, LineSeize) ? LineSeizeExpires : DefaultExpires;
        }

        /// <summary>True when both name the same package (tokens compare ignoring ASCII case).</summary>
        public static bool Is(string a, string b)
        {
            return a != null && b != null && SipText.EqualsIgnoreCase(a, b);
        }
    }
}
