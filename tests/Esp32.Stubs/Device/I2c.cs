// nanoFramework.System.Device.I2c 1.1.x: namespace System.Device.I2c (SpanByte-based 1.x API).
using NanoFramework.ApiStubs;

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged
    }

    public struct I2cTransferResult
    {
        public uint BytesTransferred { get { throw Stub.NotOnThisPlatform(); } }
        public I2cTransferStatus Status { get { throw Stub.NotOnThisPlatform(); } }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { throw Stub.NotOnThisPlatform(); }
        public int BusId { get { throw Stub.NotOnThisPlatform(); } }
        public int DeviceAddress { get { throw Stub.NotOnThisPlatform(); } }
        public I2cBusSpeed BusSpeed { get { throw Stub.NotOnThisPlatform(); } }
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw Stub.NotOnThisPlatform(); }
        public static I2cDevice Create(I2cConnectionSettings settings) { throw Stub.NotOnThisPlatform(); }
        public I2cConnectionSettings ConnectionSettings { get { throw Stub.NotOnThisPlatform(); } }
        public byte ReadByte() { throw Stub.NotOnThisPlatform(); }
        public I2cTransferResult Read(SpanByte buffer) { throw Stub.NotOnThisPlatform(); }
        public I2cTransferResult WriteByte(byte value) { throw Stub.NotOnThisPlatform(); }
        public I2cTransferResult Write(SpanByte buffer) { throw Stub.NotOnThisPlatform(); }
        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw Stub.NotOnThisPlatform(); }
        public void Dispose() { throw Stub.NotOnThisPlatform(); }
    }
}
