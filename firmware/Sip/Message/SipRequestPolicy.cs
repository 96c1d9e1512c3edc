// What a request check accepts: methods, option tags, body types, and the role (UAS, registrar, proxy).
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// The settings <see cref="SipRequestCheck"/> judges a request by. <see cref="Phone"/> is a desk
    /// phone's user agent server; make your own for another role (set the fields, they are plain).
    /// </summary>
    public sealed class SipRequestPolicy
    {
        /// <summary>Methods this element accepts; others known to SIP get 405, unknown ones 501.</summary>
        public string[] Methods;

        /// <summary>Option tags we support (checked against Require, RFC 3261 §8.2.2.3).</summary>
        public string[] OptionTags;

        /// <summary>Body media types we take (lower case); other bodies get 415 (RFC 3261 §8.2.3).</summary>
        public string[] BodyTypes;

        /// <summary>Request-URI schemes we serve (lower case); others get 416 (RFC 3261 §8.2.2.1).</summary>
        public string[] UriSchemes;

        /// <summary>Acting as a registrar: REGISTER's To must be a sip/sips address of record (400 otherwise, RFC 3261 §10.3).</summary>
        public bool IsRegistrar;

        /// <summary>Acting as a proxy: Max-Forwards 0 gets 483 (RFC 3261 §16.3) and Proxy-Require is checked like Require.</summary>
        public bool IsProxy;

        /// <summary>The desk phone's UAS: its methods, replaces/timer/100rel... tags, SDP, dialog-info and DTMF INFO bodies, sip/sips only.</summary>
        public static SipRequestPolicy Phone
        {
            get
            {
                SipRequestPolicy p = new SipRequestPolicy();
                p.Methods = new string[]
                {
                    SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Options,
                    SipMethods.Prack, SipMethods.Notify, SipMethods.Refer, SipMethods.Info, SipMethods.Update,
                    SipMethods.Message, SipMethods.Subscribe
                };
                p.OptionTags = new string[] { "replaces", "100rel", "timer", "norefersub", "path", "outbound", "gruu" };
                p.BodyTypes = new string[]
                {
                    "application/sdp", "application/dialog-info+xml", "application/simple-message-summary",
                    "message/sipfrag", "text/plain", "multipart/mixed", "multipart/alternative",
                    "application/dtmf-relay", "application/dtmf"
                };
                p.UriSchemes = new string[] { "sip", "sips" };
                return p;
            }
        }
    }
}
