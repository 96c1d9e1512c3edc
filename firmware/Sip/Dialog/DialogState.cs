// Dialog states (RFC 3261 §12: early and confirmed; terminated once ended).
namespace DeskPhone.Firmware.Sip.Dialog
{
    /// <summary>Where a dialog stands.</summary>
    public enum DialogState
    {
        /// <summary>Made by a provisional response with a To tag; no 2xx yet.</summary>
        Early = 0,
        /// <summary>A 2xx made or confirmed it.</summary>
        Confirmed = 1,
        /// <summary>Ended (BYE, a failure response, or replaced).</summary>
        Terminated = 2
    }

    /// <summary>Names of <see cref="DialogState"/> for logs.</summary>
    public static class DialogStates
    {
        /// <summary>"Early", "Confirmed", "Terminated".</summary>
        public static string Name(DialogState s)
        {
            switch (s)
            {
                case DialogState.Early: return "Early";
                case DialogState.Confirmed: return "Confirmed";
                default: return "Terminated";
            }
        }
    }
}
