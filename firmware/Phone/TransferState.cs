// Where a transfer (or a park) the user started stands.
namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// The phone's transfer, blind, attended or a park (a blind transfer to a park slot).
    /// Idle → Entering (the call is being held, the user types the target) → Consulting (attended:
    /// a call to the target while the first waits on hold) → AwaitingHold (the REFER waits for the
    /// hold's 200) → Referring (REFER sent, NOTIFYs report progress) → Completing (the transfer
    /// worked: hanging up) → Idle. A failure or a cancel goes back to Idle with the call on hold.
    /// </summary>
    public enum TransferState
    {
        /// <summary>No transfer.</summary>
        Idle = 0,
        /// <summary>The "Transfer to" screen: the call is held, the user enters the target.</summary>
        Entering = 1,
        /// <summary>Attended: calling (or talking to) the target while the first call is held.</summary>
        Consulting = 2,
        /// <summary>The REFER is ready and waits until the held call's hold is acknowledged.</summary>
        AwaitingHold = 3,
        /// <summary>REFER sent; waiting for its 202 and the NOTIFYs' sipfrag statuses.</summary>
        Referring = 4,
        /// <summary>The transferee reported 200: our calls are hanging up.</summary>
        Completing = 5
    }
}
