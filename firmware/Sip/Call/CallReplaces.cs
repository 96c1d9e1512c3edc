// INVITE with Replaces (RFC 3891): find the dialog, apply early-only, answer the new call, end the old one.
using DeskPhone.Firmware.Sip.Dialog;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        /// <summary>The call this one replaced (RFC 3891), or null.</summary>
        public SipCall Replaced { get; private set; }

        /// <summary>
        /// A new INVITE carries Replaces: when it names a call we may replace, the new call is
        /// answered without ringing and the old one ends (BYE when confirmed, CANCEL when it is our
        /// early outgoing call). Otherwise the INVITE is refused with the RFC's status.
        /// </summary>
        internal static void ReceiveReplacing(CallManager manager, ServerTransaction transaction, SipMessage invite)
        {
            SipCall old;
            int status = FindReplaced(manager.Dialogs, invite, out old);
            if (status != 0)
            {
                manager.Stack.Log.Write(LogLevel.Info, "sip.call", "INVITE with Replaces " + invite.GetHeader(SipHeaderNames.Replaces) + " refused with " + status.ToString());
                transaction.Respond(status);
                return;
            }
            SipCall call = manager.NewCall(old.Account, CallDirection.Incoming);
            if (!call.Prepare(transaction, invite)) return; // 488: the old call stays
            call.Replaced = old;
            call.Log(LogLevel.Info, "replaces call " + old.Number.ToString());
            manager.Listener.CallReplaced(old, call);
            call.Answer();
            old.EndReplaced();
        }

        /// <summary>
        /// RFC 3891 §3: 0 and the call to replace, or the status to refuse with: 400 (no or several
        /// Replaces, no tags), 481 (no such dialog, or an early dialog we did not initiate), 486 (a
        /// confirmed dialog with early-only), 603 (the call is already ending).
        /// </summary>
        public static int FindReplaced(DialogTable dialogs, SipMessage invite, out SipCall replaced)
        {
            replaced = null;
            if (invite.CountHeaders(SipHeaderNames.Replaces) != 1) return 400;
            SipHeaderValue value = invite.Replaces;
            if (value == null) return 400;
            string toTag = value.GetParameter("to-tag");
            string fromTag = value.GetParameter("from-tag");
            if (toTag == null || fromTag == null) return 400;
            SipDialog dialog = dialogs.Find(value.Value, toTag, fromTag);
            SipCall call = dialog == null ? null : dialog.Usage as SipCall;
            if (call == null) return 481;
            if (call.IsEnded || call.State == CallState.Terminating || dialog.State == DialogState.Terminated) return 603;
            if (dialog.IsConfirmed && value.Parameters.Has("early-only")) return 486;
            if (dialog.IsEarly && !dialog.IsUac) return 481;
            if (dialog.IsConfirmed && call.State != CallState.Connected) return 481;
            replaced = call;
            return 0;
        }

        private void EndReplaced()
        {
            if (Direction == CallDirection.Outgoing && _state != CallState.Connected)
            {
                if (!Cancel("replaced")) End(487, "replaced", false);
                return;
            }
            Bye(200, "replaced", false);
        }
    }
}
