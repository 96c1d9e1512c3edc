// The roles of a device file ("roles"): admin PIN, restricted mode, emergency and internal numbers.
namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private PhoneRoles _roles = PhoneRoles.Default;

        /// <summary>The admin PIN's hash, restricted mode and the numbers a restricted phone may dial.</summary>
        public PhoneRoles Roles { get { return _roles; } }

        internal DeviceConfig WithRoles(PhoneRoles roles)
        {
            _roles = roles == null ? PhoneRoles.Default : roles;
            return this;
        }
    }
}
