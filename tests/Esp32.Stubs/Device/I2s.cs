// nanoFramework.System.Device.I2s 1.0.x: namespace System.Device.I2s.
using NanoFramework.ApiStubs;

namespace System.Device.I2s
{
    [Flags]
    public enum I2sMode
    {
        Master = 1 << 0,
        Slave = 1 << 1,
        Tx = 1 << 2,
        Rx = 1 << 3,
        DacBuiltIn = 1 << 4,
        AdcBuiltIn = 1 << 5,
        Pdm = 1 << 6
    }

    public enum I2sBitsPerSample
    {
        Bit8 = 8,
        Bit16 = 16,
        Bit24 = 24,
        Bit32 = 32
    }

    public enum I2sChannelFormat
    {
        RightLeft = 0x00,
        AllRight,
        AllLeft,
        OnlyRight,
        OnlyLeft
    }

    // Only the member boards/esp32 names; the package's enum has more (and renamed them between versions).
    public enum I2sCommunicationFormat
    {
        I2S = 0x01
    }

    public sealed class I2sConnectionSettings
    {
        public I2sConnectionSettings(int busId) { throw Stub.NotOnThisPlatform(); }
        public int BusId { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public I2sMode Mode { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public I2sBitsPerSample BitsPerSample { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public I2sChannelFormat ChannelFormat { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public I2sCommunicationFormat CommunicationFormat { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public int SampleRate { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
    }

    public class I2sDevice : IDisposable
    {
        public I2sDevice(I2sConnectionSettings settings) { throw Stub.NotOnThisPlatform(); }
        public static I2sDevice Create(I2sConnectionSettings settings) { throw Stub.NotOnThisPlatform(); }
        public I2sConnectionSettings ConnectionSettings { get { throw Stub.NotOnThisPlatform(); } }
        public void Read(SpanByte buffer) { throw Stub.NotOnThisPlatform(); }
        public void Write(SpanByte buffer) { throw Stub.NotOnThisPlatform(); }
        public void Dispose() { throw Stub.NotOnThisPlatform(); }
    }
}
