namespace DeskPhone.Firmware.Tests;

/// <summary>
/// Bytes a piece of code allocates on this thread, in steady state: the least of a few rounds, so a
/// one-off runtime cost (tiering, a type loaded by a test running beside it) does not count.
/// </summary>
public static class Allocations
{
    public static long Steady(Action body, int rounds = 3)
    {
        body();
        long least = long.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
