// nanoFramework.System.Device.Gpio 1.1.x: namespace System.Device.Gpio (the members boards/esp32 uses).
using NanoFramework.ApiStubs;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2
    }

    public readonly struct PinValue
    {
        public static PinValue High { get { throw Stub.NotOnThisPlatform(); } }
        public static PinValue Low { get { throw Stub.NotOnThisPlatform(); } }
        public static bool operator ==(PinValue a, PinValue b) { throw Stub.NotOnThisPlatform(); }
        public static bool operator !=(PinValue a, PinValue b) { throw Stub.NotOnThisPlatform(); }
        public override bool Equals(object obj) { throw Stub.NotOnThisPlatform(); }
        public override int GetHashCode() { throw Stub.NotOnThisPlatform(); }
    }

    public class PinValueChangedEventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw Stub.NotOnThisPlatform(); }
        public PinEventTypes ChangeType { get { throw Stub.NotOnThisPlatform(); } }
        public int PinNumber { get { throw Stub.NotOnThisPlatform(); } }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }
        public TimeSpan DebounceTimeout { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public int PinNumber { get { throw Stub.NotOnThisPlatform(); } }
        public PinMode GetPinMode() { throw Stub.NotOnThisPlatform(); }
        public void SetPinMode(PinMode value) { throw Stub.NotOnThisPlatform(); }
        public PinValue Read() { throw Stub.NotOnThisPlatform(); }
        public void Write(PinValue value) { throw Stub.NotOnThisPlatform(); }
        public event PinValueChangedEventHandler ValueChanged { add { throw Stub.NotOnThisPlatform(); } remove { throw Stub.NotOnThisPlatform(); } }
        public void Dispose() { throw Stub.NotOnThisPlatform(); }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw Stub.NotOnThisPlatform(); }
        public GpioPin OpenPin(int pinNumber) { throw Stub.NotOnThisPlatform(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw Stub.NotOnThisPlatform(); }
        public void ClosePin(int pinNumber) { throw Stub.NotOnThisPlatform(); }
        public bool IsPinOpen(int pinNumber) { throw Stub.NotOnThisPlatform(); }
        public void Dispose() { throw Stub.NotOnThisPlatform(); }
    }
}
