// nanoFramework.Hardware.Esp32 1.6.x: pin functions and the microsecond timer (the members boards/esp32 uses).
using System;
using NanoFramework.ApiStubs;

namespace nanoFramework.Hardware.Esp32
{
    // The enum values are computed from device type and index in the package; only the names matter here.
    public enum DeviceFunction
    {
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
        I2C2_DATA = 0x20200,
        I2C2_CLOCK = 0x20201,
        I2S1_MCK = 0x60100,
        I2S1_BCK = 0x60101,
        I2S1_WS = 0x60102,
        I2S1_DATA_OUT = 0x60103,
        I2S1_MDATA_IN = 0x60104
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw Stub.NotOnThisPlatform(); }
        public static int GetFunctionPin(DeviceFunction function) { throw Stub.NotOnThisPlatform(); }
    }

    public class HighResTimer : IDisposable
    {
        public HighResTimer() { throw Stub.NotOnThisPlatform(); }
        public static ulong GetCurrent() { throw Stub.NotOnThisPlatform(); }
        public void Dispose() { throw Stub.NotOnThisPlatform(); }
    }
}
