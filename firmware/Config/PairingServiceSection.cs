// Reads the top-level "pairingService": where the phone sends its answers to pairing requests.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"pairingService": "sip:pairing@office.example"</c> (optional): the office service that takes a
    /// user's accept or decline of a pending pairing as a SIP MESSAGE (firmware/Phone/README.md, "Pairing requests").
    /// Left out, the phone uses <c>sip:pairing@DOMAIN</c> of its default account.
    /// </summary>
    internal static class PairingServiceSection
    {
        /// <summary>The top-level field.</summary>
        public const string Field = "pairingService";

        /// <summary>The service's URI, or null when absent or wrong (errors added).</summary>
        public static SipUri Read(ConfigObject top)
        {
            string text = top.String(Field, false, 512);
            if (text == null) return null;
            SipUri uri;
            string reason;
            string problem;
            if (!SipUri.TryParse(text, out uri, out reason, out problem))
            {
                top.ErrorAt(Field, "'" + ConfigObject.Printable(text) + "' is not a SIP URI (" + problem + ")");
                return null;
            }
            if (uri.User == null)
            {
                top.ErrorAt(Field, "'" + ConfigObject.Printable(text) + "' has no user part; write it like sip:pairing@office.example");
                return null;
            }
            return uri;
        }
    }
}
