// Media direction attributes (RFC 4566 §6: sendrecv, sendonly, recvonly, inactive) and the RFC 3264 §6.1 answer rule.
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// Which way media flows, seen from the side that wrote the SDP. The values are two bits:
    /// 1 = sends, 2 = receives, so intersecting two wishes is a bitwise AND.
    /// </summary>
    public enum SdpDirection
    {
        /// <summary>a=inactive: neither sends nor receives.</summary>
        Inactive = 0,
        /// <summary>a=sendonly: sends, does not want to receive (the holder's side of a hold).</summary>
        SendOnly = 1,
        /// <summary>a=recvonly: receives, does not send (the held side when it answers a hold).</summary>
        RecvOnly = 2,
        /// <summary>a=sendrecv: both ways; the default when no direction attribute is present.</summary>
        SendRecv = 3
    }

    /// <summary>Names and rules for <see cref="SdpDirection"/>.</summary>
    public static class SdpDirections
    {
        /// <summary>The attribute name: "sendrecv", "sendonly", "recvonly" or "inactive".</summary>
        public static string Name(SdpDirection direction)
        {
            switch (direction)
            {
                case SdpDirection.SendOnly: return "sendonly";
                case SdpDirection.RecvOnly: return "recvonly";
                case SdpDirection.Inactive: return "inactive";
                default: return "sendrecv";
            }
        }

        /// <summary>Reads a direction attribute name (ASCII case-insensitive); false for any other name.</summary>
        public static bool TryParse(string name, out SdpDirection direction)
        {
            direction = SdpDirection.SendRecv;
            string n = SdpText.LowerAscii(name);
            if (n == "sendrecv") return true;
            if (n == "sendonly") { direction = SdpDirection.SendOnly; return true; }
            if (n == "recvonly") { direction = SdpDirection.RecvOnly; return true; }
            if (n == "inactive") { direction = SdpDirection.Inactive; return true; }
            return false;
        }

        /// <summary>True when the side that wrote <paramref name="direction"/> sends media.</summary>
        public static bool Sends(SdpDirection direction) { return ((int)direction & 1) != 0; }

        /// <summary>True when the side that wrote <paramref name="direction"/> receives media.</summary>
        public static bool Receives(SdpDirection direction) { return ((int)direction & 2) != 0; }

        /// <summary>The same flow seen from the other end: sendonly ↔ recvonly; sendrecv and inactive stay.</summary>
        public static SdpDirection Mirror(SdpDirection direction)
        {
            int d = (int)direction;
            return (SdpDirection)(((d & 1) << 1) | ((d & 2) >> 1));
        }

        /// <summary>What both wishes allow: sends only if both send, receives only if both receive.</summary>
        public static SdpDirection Intersect(SdpDirection a, SdpDirection b)
        {
            return (SdpDirection)((int)a & (int)b);
        }

        /// <summary>
        /// The answer's direction (RFC 3264 §6.1): the offer's direction mirrored, limited by what we
        /// want locally (<see cref="SdpDirection.SendRecv"/> normally, <see cref="SdpDirection.SendOnly"/>
        /// while we hold). sendonly → recvonly, recvonly → sendonly, inactive → inactive.
        /// </summary>
        public static SdpDirection Answer(SdpDirection offered, SdpDirection local)
        {
            return Intersect(Mirror(offered), local);
        }

        /// <summary>The direction to put in a hold offer: sendonly, or inactive when the other side already holds us (RFC 3264 §8.4).</summary>
        public static SdpDirection Hold(bool heldByRemote)
        {
            return heldByRemote ? SdpDirection.Inactive : SdpDirection.SendOnly;
        }
    }
}
