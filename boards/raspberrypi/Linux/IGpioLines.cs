// A set of requested GPIO lines: the seam between the HAL classes and the kernel (tests fake it).
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// Lines requested together from one GPIO chip. Bit i of every mask and value is line i of
/// <see cref="Offsets"/>. Values are logical: for a line requested ActiveLow, 1 means active (pin low).
/// </summary>
internal interface IGpioLines : IDisposable
{
    /// <summary>The chip line offsets (BCM numbers on a Pi), in request order.</summary>
    IReadOnlyList<int> Offsets { get; }

    /// <summary>The current logical values of the lines in <paramref name="mask"/>.</summary>
    ulong GetValues(ulong mask);

    /// <summary>Drives the output lines in <paramref name="mask"/> to the bits of <paramref name="bits"/>.</summary>
    void SetValues(ulong bits, ulong mask);

    /// <summary>
    /// Blocks until edge events arrive and copies whole struct gpio_v2_line_event records into
    /// <paramref name="buffer"/>; returns the byte count, or 0 once the lines are closed.
    /// </summary>
    int ReadEvents(byte[] buffer);
}
