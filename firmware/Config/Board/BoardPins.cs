// Which pins a board profile uses: each pin once, and only pins the backend's chip can use.
using System.Collections;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>
    /// Claims pins for the fields of one profile, in reading order, and reports a pin claimed twice
    /// (naming the field that had it first) and pins the backend cannot use for that purpose.
    /// </summary>
    internal sealed class BoardPins
    {
        /// <summary>Highest BCM GPIO on the Raspberry Pi's 40-pin header.</summary>
        public const int MaxPiPin = 27;

        /// <summary>Highest ESP32 GPIO number.</summary>
        public const int MaxEsp32Pin = 39;

        private const int MaxSimulatedPin = 255;

        private readonly string _backend;
        private readonly Hashtable _owners = new Hashtable();

        /// <summary>Pins for a profile of <paramref name="backend"/> (null when the backend is unknown).</summary>
        public BoardPins(string backend)
        {
            _backend = backend;
        }

        /// <summary>
        /// Reads pin field <paramref name="name"/> of <paramref name="o"/>: -1 when absent (reported if
        /// <paramref name="required"/>) or wrong. <paramref name="output"/> is true for pins the board drives.
        /// </summary>
        public int Read(ConfigObject o, string name, bool required, bool output)
        {
            if (!o.Has(name))
            {
                if (required)
                {
                    o.Missing(name);
                }
                return -1;
            }
            int max = _backend == BoardBackends.RaspberryPi ? MaxPiPin
                : _backend == BoardBackends.Esp32 ? MaxEsp32Pin
                : MaxSimulatedPin;
            int pin = o.Integer(name, 0, max, -1);
            if (pin < 0)
            {
                return -1;
            }
            if (_backend == BoardBackends.Esp32)
            {
                string problem = Esp32Problem(pin, output);
                if (problem != null)
                {
                    o.ErrorAt(name, problem);
                    return -1;
                }
            }
            string field = o.FieldPath(name);
            string owner = (string)_owners[pin];
            if (owner != null)
            {
                o.ErrorAt(name, "GPIO " + pin.ToString() + " is already used by " + owner);
                return -1;
            }
            _owners[pin] = field;
            return pin;
        }

        /// <summary>Why an ESP32 (WROVER module) cannot use <paramref name="pin"/>, or null when it can.</summary>
        internal static string Esp32Problem(int pin, bool output)
        {
            string name = "GPIO " + pin.ToString();
            if (pin >= 6 && pin <= 11)
            {
                return name + " is wired to the module's flash (GPIO 6-11)";
            }
            if (pin == 16 || pin == 17)
            {
                return name + " drives the PSRAM of the WROVER module this firmware needs (GPIO 16 and 17)";
            }
            if (pin == 20 || pin == 24 || (pin >= 28 && pin <= 31))
            {
                return name + " does not exist on the ESP32";
            }
            if (output && pin >= 34)
            {
                return name + " is input-only (GPIO 34-39) and cannot drive an output";
            }
            return null;
        }
    }
}
