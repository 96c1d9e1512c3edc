// The set of HAL parts a board hands to the firmware at boot.
namespace DeskPhone.Hal
{
    /// <summary>Everything the firmware may touch. A board (or the simulator) fills it in.</summary>
    public sealed class PhoneHardware
    {
        /// <summary>Time and timers.</summary>
        public IClock Clock;
        /// <summary>Keys and hookswitch.</summary>
        public IKeyInput Keys;
        /// <summary>Key lamps.</summary>
        public ILamps Lamps;
        /// <summary>The OLED.</summary>
        public IDisplay Display;
        /// <summary>The audio codec.</summary>
        public IAudioCodec Audio;
        /// <summary>The network.</summary>
        public INetwork Network;
        /// <summary>Persistent storage.</summary>
        public IStorage Storage;
        /// <summary>The log.</summary>
        public ILog Log;
    }
}
