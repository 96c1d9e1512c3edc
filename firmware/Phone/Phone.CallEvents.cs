// The moments of a call that the front-desk (CRM) features follow. Declared here as partial methods,
// implemented beside each feature (outcomes, recording, contacts, webhooks); one left unimplemented costs nothing.
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>An incoming call has started ringing here (the phone said Ring to it).</summary>
        partial void OnCallAlerting(SipCall call);

        /// <summary>A call connected, either direction (it may be a call picked up or taken over).</summary>
        partial void OnCallAnswered(SipCall call);

        /// <summary>A call ended and its history entry is made, not yet stored: add what the feature knows (recording, contact).</summary>
        partial void OnCallEnding(SipCall call, CallRecord record);

        /// <summary>The call's history entry is final and stored (after its outcome was chosen, when the office asks for one).</summary>
        partial void OnCallLogged(CallRecord record);
    }
}
