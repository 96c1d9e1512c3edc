// Routes the ESP32's I2C and I2S peripherals to the pins a board profile names.
using DeskPhone.Firmware.Config.Board;
using nanoFramework.Hardware.Esp32;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// The ESP32 can put I2C and I2S on (almost) any GPIO; nanoFramework needs the mapping before a
    /// device is opened. Repeating a mapping is harmless, so the display and the codec may both ask for
    /// the shared I2C bus.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>I2C bus <paramref name="bus"/> (1 or 2) on the display's SDA and SCL pins.</summary>
        public static void UseI2c(DisplaySpec display)
        {
            bool second = display.I2cBus == 2;
            Configuration.SetPinFunction(display.SdaPin, second ? DeviceFunction.I2C2_DATA : DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(display.SclPin, second ? DeviceFunction.I2C2_CLOCK : DeviceFunction.I2C1_CLOCK);
        }

        /// <summary>I2S bus 1 on the codec's pins; pins the profile leaves out (-1) are not routed.</summary>
        public static void UseI2s(CodecSpec codec)
        {
            Route(codec.Mclk, DeviceFunction.I2S1_MCK);
            Route(codec.Bclk, DeviceFunction.I2S1_BCK);
            Route(codec.Ws, DeviceFunction.I2S1_WS);
            Route(codec.DataOut, DeviceFunction.I2S1_DATA_OUT);
            Route(codec.DataIn, DeviceFunction.I2S1_MDATA_IN);
        }

        private static void Route(int pin, DeviceFunction function)
        {
            if (pin >= 0) Configuration.SetPinFunction(pin, function);
        }
    }
}
