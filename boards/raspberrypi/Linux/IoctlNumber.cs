// Linux ioctl request numbers, encoded as <asm-generic/ioctl.h> does on x86_64 and arm64.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// The generic ioctl encoding: direction in bits 30-31, argument size in bits 16-29, type in
/// bits 8-15, number in bits 0-7. x86_64 and arm64 both use it (alpha, mips, powerpc and sparc
/// differ; they are not our targets).
/// </summary>
internal static class IoctlNumber
{
    private const int NrBits = 8;
    private const int TypeBits = 8;
    private const int SizeBits = 14;
    private const int TypeShift = NrBits;
    private const int SizeShift = TypeShift + TypeBits;
    private const int DirShift = SizeShift + SizeBits;
    private const uint DirWrite = 1;
    private const uint DirRead = 2;

    /// <summary>_IO(type, nr): no argument.</summary>
    public static uint None(int type, int nr) => Encode(0, type, nr, 0);

    /// <summary>_IOR(type, nr, size): the kernel writes the argument.</summary>
    public static uint Read(int type, int nr, int size) => Encode(DirRead, type, nr, size);

    /// <summary>_IOW(type, nr, size): the kernel reads the argument.</summary>
    public static uint Write(int type, int nr, int size) => Encode(DirWrite, type, nr, size);

    /// <summary>_IOWR(type, nr, size): both.</summary>
    public static uint ReadWrite(int type, int nr, int size) => Encode(DirRead | DirWrite, type, nr, size);

    private static uint Encode(uint dir, int type, int nr, int size)
    {
        if ((uint)size >= 1u << SizeBits) throw new ArgumentOutOfRangeException(nameof(size), "an ioctl argument is at most 16383 bytes");
        return (dir << DirShift) | ((uint)size << SizeShift) | ((uint)(type & 0xFF) << TypeShift) | (uint)(nr & 0xFF);
    }
}
