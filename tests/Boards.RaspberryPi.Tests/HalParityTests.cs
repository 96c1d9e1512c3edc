// The simulator and the Pi backend implement the same HAL: each part the simulator simulates, the Pi has for real.
using System.Reflection;
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests;

public sealed class HalParityTests
{
    private static readonly Assembly Hal = typeof(IKeyInput).Assembly;
    private static readonly Assembly Simulated = typeof(DeskPhone.Hal.Simulated.Display.SimDisplay).Assembly;
    private static readonly Assembly Pi = typeof(OledDisplay).Assembly;

    private static HashSet<Type> Implemented(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract)
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.Assembly == Hal)
        .ToHashSet();

    [Fact]
    public void Every_hal_interface_the_simulator_implements_has_a_real_implementation_on_the_pi()
    {
        // The Pi takes clock, sockets and storage from hal/Simulated, whose SystemClock,
        // SocketNetwork and DirectoryStorage are the real thing; it brings keys, lamps, display,
        // audio and log itself.
        var pi = Implemented(Pi);
        var shared = new[] { typeof(IClock), typeof(INetwork), typeof(IStorage), typeof(IUdpEndpoint), typeof(ITcpConnection), typeof(ITcpListener), typeof(IHalTimer) };
        var missing = Implemented(Simulated).Where(i => !pi.Contains(i) && !shared.Contains(i)).Select(i => i.Name).ToArray();
        Assert.Empty(missing);
        Assert.Contains(typeof(IKeyInput), pi);
        Assert.Contains(typeof(ILamps), pi);
        Assert.Contains(typeof(IDisplay), pi);
        Assert.Contains(typeof(IAudioCodec), pi);
        Assert.Contains(typeof(ILog), pi);
    }

    [Fact]
    public void Every_interface_of_the_hardware_set_has_an_implementation_on_the_pi_or_shared_with_the_simulator()
    {
        var pi = Implemented(Pi);
        var real = new[] { typeof(DeskPhone.Hal.Simulated.Time.SystemClock), typeof(DeskPhone.Hal.Simulated.Network.SocketNetwork), typeof(DeskPhone.Hal.Simulated.Storage.DirectoryStorage) }
            .SelectMany(t => t.GetInterfaces()).ToHashSet();
        foreach (var field in typeof(PhoneHardware).GetFields())
            Assert.True(pi.Contains(field.FieldType) || real.Contains(field.FieldType), $"PhoneHardware.{field.Name} ({field.FieldType.Name}) has no implementation on the Pi");
    }
}
