// An event loop on virtual time with its driver, for tests of the loop and the units built on it.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Core;

/// <summary>A <see cref="EventLoop"/> pumped by a <see cref="VirtualTimeDriver"/>.</summary>
public sealed class VirtualLoop
{
    public VirtualLoop()
    {
        Clock = new VirtualClock();
        Driver = new VirtualTimeDriver(Clock);
        Log = new SimLog(Clock);
        Loop = new EventLoop(Clock, Log);
        Driver.AddPump(Loop.RunPending);
    }

    public VirtualClock Clock { get; }
    public VirtualTimeDriver Driver { get; }
    public SimLog Log { get; }
    public EventLoop Loop { get; }

    /// <summary>Lets <paramref name="ms"/> of virtual time pass, running everything due.</summary>
    public void Advance(long ms) => Driver.Advance(ms);

    /// <summary>Lets time pass until <paramref name="ms"/>.</summary>
    public void AdvanceTo(long ms) => Driver.AdvanceTo(ms);
}
