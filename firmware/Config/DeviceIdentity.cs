// The "device" section: who this phone is.
namespace DeskPhone.Firmware.Config
{
    /// <summary>The phone's identity from the "device" section.</summary>
    public sealed class DeviceIdentity
    {
        internal DeviceIdentity(string id, string name, string extension, string board)
        {
            Id = id;
            Name = name;
            Extension = extension;
            Board = board;
        }

        /// <summary>Unique id of this phone ("front-desk-1"): letters, digits, '-', '_', at most 32.</summary>
        public string Id { get; private set; }

        /// <summary>Name shown on the idle screen ("Reception").</summary>
        public string Name { get; private set; }

        /// <summary>The phone's own extension ("201").</summary>
        public string Extension { get; private set; }

        /// <summary>The board profile to load ("sim-desk-8").</summary>
        public string Board { get; private set; }
    }
}
