// nanoFramework.CoreLibrary (mscorlib) 1.x: System.SpanByte, the non-generic byte span the device APIs take.
using NanoFramework.ApiStubs;

namespace System
{
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array) { throw Stub.NotOnThisPlatform(); }
        public SpanByte(byte[] array, int start, int length) { throw Stub.NotOnThisPlatform(); }
        public byte this[int index] { get { throw Stub.NotOnThisPlatform(); } set { throw Stub.NotOnThisPlatform(); } }
        public static SpanByte Empty { get { throw Stub.NotOnThisPlatform(); } }
        public int Length { get { throw Stub.NotOnThisPlatform(); } }
        public bool IsEmpty { get { throw Stub.NotOnThisPlatform(); } }
        public void CopyTo(SpanByte destination) { throw Stub.NotOnThisPlatform(); }
        public SpanByte Slice(int start) { throw Stub.NotOnThisPlatform(); }
        public SpanByte Slice(int start, int length) { throw Stub.NotOnThisPlatform(); }
        public byte[] ToArray() { throw Stub.NotOnThisPlatform(); }
        public static implicit operator SpanByte(byte[] array) { throw Stub.NotOnThisPlatform(); }
    }
}
