// A kernel uAPI struct described as named byte ranges, so tests can hold it against the C headers.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>One member of a uAPI struct: where it starts and how many bytes it takes.</summary>
internal sealed record UapiField(string Name, int Offset, int Size);

/// <summary>
/// A uAPI struct as the backend encodes it by hand: its C name, size and members (padding
/// members included) and its alignment (8 when it holds an __aligned_u64). The layout test compares every number with sizeof/offsetof from a C
/// probe compiled against linux-libc-dev, and checks the members tile the struct with no gap.
/// </summary>
internal sealed record UapiStruct(string CName, int Size, UapiField[] Fields, int Alignment = 8)
{
    /// <summary>The member called <paramref name="name"/> (as in the C header).</summary>
    public UapiField this[string name] => Array.Find(Fields, f => f.Name == name)
        ?? throw new KeyNotFoundException(CName + " has no member " + name);
}
