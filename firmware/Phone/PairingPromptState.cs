// Where the phone's answering of pairing requests stands.
namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The pairing-request prompt (Phone.Pairing.cs). None (nothing to answer) → Asking (the prompt is on
    /// the idle screen) → Sending (the answer's MESSAGE waits for the office service) → Asking (the next
    /// request, or this one again after a failure) or None. Later → Deferred for
    /// <see cref="Phone.PairingLaterMs"/>, then Asking again.
    /// </summary>
    public enum PairingPromptState
    {
        /// <summary>No request waits for this user's answer.</summary>
        None = 0,
        /// <summary>A request is shown: Accept / Decline / Later.</summary>
        Asking = 1,
        /// <summary>The answer is on its way to the office service.</summary>
        Sending = 2,
        /// <summary>The user said "Later": the prompt comes back after a while.</summary>
        Deferred = 3
    }
}
