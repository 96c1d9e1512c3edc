// What the phone is doing, as far as the screen and keys are concerned.
namespace DeskPhone.Firmware.Phone
{
    /// <summary>The phone's top-level mode.</summary>
    public enum PhoneMode
    {
        /// <summary>Nothing going on: the idle screen.</summary>
        Idle = 0,
        /// <summary>A line is seized and the user is entering a number.</summary>
        Dialing = 1,
        /// <summary>Showing what a key is (after a long press).</summary>
        KeyInfo = 2,
        /// <summary>A call is coming in and ringing here.</summary>
        Ringing = 3,
        /// <summary>Our call is on its way: trying, ringing at the far end.</summary>
        Calling = 4,
        /// <summary>In a call (talking or on hold).</summary>
        InCall = 5,
        // The menus are numbered apart from the call modes, so modes added alongside cannot collide.
        /// <summary>The call history screen (Phone.History.cs).</summary>
        History = 20,
        /// <summary>The settings menu (Phone.Settings.cs).</summary>
        Settings = 21,
        /// <summary>A call ended: the screen asks what became of it (Phone.Outcomes.cs).</summary>
        Outcome = 22
    }

    /// <summary>Registration of the phone's account with the registrar.</summary>
    public enum RegistrationState
    {
        /// <summary>Not registered (no SIP stack running yet, or never tried).</summary>
        NotRegistered = 0,
        /// <summary>A REGISTER is on its way.</summary>
        Registering = 1,
        /// <summary>Registered.</summary>
        Registered = 2,
        /// <summary>The registrar refused or did not answer; retrying later.</summary>
        Failed = 3
    }
}
