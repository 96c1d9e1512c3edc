// Where a registration stands, and who hears about it.
namespace DeskPhone.Firmware.Sip.Usage
{
    /// <summary>The state of one account's registration.</summary>
    public enum RegistrationStatus
    {
        /// <summary>Not registered and not trying (stopped, or never started).</summary>
        Unregistered = 0,
        /// <summary>A REGISTER is on its way (first time, after a failure, or a refresh).</summary>
        Registering = 1,
        /// <summary>The registrar accepted the binding; a refresh is scheduled before it expires.</summary>
        Registered = 2,
        /// <summary>The last attempt failed; the next one is scheduled with back-off.</summary>
        Failed = 3
    }

    /// <summary>Hears about registration changes (the phone shows them on the idle screen).</summary>
    public interface IRegistrationListener
    {
        /// <summary>The status or the reason changed.</summary>
        void RegistrationChanged(Registration registration);
    }
}
