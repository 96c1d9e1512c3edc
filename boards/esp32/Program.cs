// The ESP32 phone: loads its files, binds the HAL to nanoFramework's devices, and runs the firmware's loop.
using System.Device.Gpio;
using System.Threading;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Composes the phone as tools/Simulator/SimPhone does, with ESP32 hardware instead of simulated
    /// parts: storage and log first (so a bad file is reported), then network, keys, lamps, display
    /// and codec from the board profile, then the portable <see cref="Phone"/> on one event loop that
    /// this thread runs for ever.
    /// </summary>
    public static class Program
    {
        /// <summary>Minutes east of UTC for the idle screen's clock (nanoFramework has no time zones).</summary>
        public const int UtcOffsetMinutes = 0;

        /// <summary>How long to wait for Wi-Fi and DHCP at boot.</summary>
        public const int NetworkWaitMs = 60000;

        /// <summary>nanoFramework's entry point.</summary>
        public static void Main()
        {
            Esp32Log log = new Esp32Log();
            log.Write(LogLevel.Info, "boot", "DeskPhone on ESP32 (nanoFramework) starting");
            Esp32Storage storage = new Esp32Storage(Esp32Storage.InternalDrive);
            DeviceConfig config;
            BoardProfile board;
            if (!BootFiles.TryLoad(storage, log, out config, out board))
            {
                Halt(log);
                return;
            }
            log.Write(LogLevel.Info, "boot", "device " + config.Device.Id + " on board " + board.Name);

            string address = Esp32Network.WaitForAddress(NetworkWaitMs, log);
            if (address == null)
            {
                log.Write(LogLevel.Error, "boot", "no IPv4 address after " + (NetworkWaitMs / 1000).ToString() + " s: store the Wi-Fi credentials on the device (boards/esp32/README.md)");
                Halt(log);
                return;
            }

            Esp32Clock clock = new Esp32Clock(UtcOffsetMinutes);
            GpioController gpio = new GpioController();
            PhoneHardware hw = new PhoneHardware();
            hw.Clock = clock;
            hw.Log = log;
            hw.Storage = storage;
            hw.Network = new Esp32Network(address, log);
            hw.Keys = new Esp32Keys(gpio, board);
            hw.Lamps = new Esp32Lamps(gpio, board);
            hw.Display = new Esp32Display(board.Display, config.Display.Contrast);
            hw.Audio = new Esp32Audio(board.Codec, board.Display, gpio, log);

            EventLoop loop = new EventLoop(clock, log);
            Phone phone = new Phone(hw, config, loop);
            loop.Post(phone.Boot);
            loop.Run();
        }

        /// <summary>Leaves the log readable and the device idle until someone fixes the files and resets it.</summary>
        private static void Halt(ILog log)
        {
            log.Write(LogLevel.Error, "boot", "halted: fix the files above, deploy them again and reset the board");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
