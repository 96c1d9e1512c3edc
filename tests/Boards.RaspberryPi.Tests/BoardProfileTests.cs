// The shipped Raspberry Pi profiles load through the portable loader and wire up without clashes.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests;

public sealed class BoardProfileTests
{
    private static string[] Files() =>
        Directory.GetFiles(Checkout.Path("boards", "profiles"), "rpi-*.json").Select(f => System.IO.Path.GetFileName(f)).Order().ToArray();

    public static TheoryData<string> Profiles() => new(Files());

    private static BoardProfile Load(string file)
    {
        string path = Checkout.Path("boards", "profiles", file);
        bool ok = BoardProfileLoader.TryLoad(path, File.ReadAllText(path), out var profile, out var errors);
        Assert.True(ok, errors?.ToString());
        return profile;
    }

    [Fact]
    public void There_are_raspberry_pi_profiles_for_two_colour_and_single_colour_lamps()
    {
        var names = Files();
        Assert.Contains("rpi-desk-4.json", names);
        Assert.Contains("rpi-desk-8-mono.json", names);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_loads_without_errors_as_a_raspberry_pi_board(string file)
    {
        var profile = Load(file);
        Assert.Equal(BoardBackends.RaspberryPi, profile.Backend);
        Assert.Equal("/dev/gpiochip0", profile.GpioChip);
        Assert.NotNull(profile.FindKey(KeyCodes.Hook));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_keeps_off_the_i2c_i2s_id_eeprom_and_uart_pins(string file)
    {
        var profile = Load(file);
        int[] reserved = [0, 1, 2, 3, 14, 15, 18, 19, 20, 21];
        var used = profile.Keys.Select(k => k.Pin)
            .Concat(profile.Lamps.SelectMany(l => new[] { l.Pin, l.Green, l.Red }))
            .Where(p => p >= 0).ToArray();
        Assert.Empty(used.Intersect(reserved));
        Assert.Equal(used.Length, used.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_line_key_has_a_key_pin_and_a_lamp_of_the_profiles_colours(string file)
    {
        var profile = Load(file);
        for (int n = 1; n <= profile.LineKeys; n++)
        {
            Assert.NotNull(profile.FindKey(KeyCodes.Line(n)));
            var lamp = profile.FindLamp(n);
            Assert.NotNull(lamp);
            Assert.Equal(profile.LampColours == 2, lamp.IsTwoColour);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Wiring_turns_the_profile_into_key_and_lamp_lines_the_hal_classes_accept(string file)
    {
        var profile = Load(file);
        var keys = BoardWiring.Keys(profile);
        var lamps = BoardWiring.Lamps(profile, out string[] skipped);
        Assert.Empty(skipped);
        Assert.Equal(profile.Keys.Length, keys.Length);
        var (pins, _, _) = GpioLamps.Config(lamps);
        var lines = new FakeGpioLines(pins);
        var gpioLamps = new GpioLamps(lines, profile.LineKeys, lamps, profile.LampColours == 2);
        for (int i = 0; i < profile.LineKeys; i++) gpioLamps.Set(i, LampColour.Amber);
        Assert.Equal(pins.Length == 64 ? ulong.MaxValue : (1UL << pins.Length) - 1, lines.Values);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void The_alsa_device_names_a_card_through_the_plug_layer(string file)
    {
        var profile = Load(file);
        string device = BoardWiring.AlsaDevice(profile);
        Assert.StartsWith("plughw:CARD=", device);
        Assert.NotNull(BoardWiring.AlsaCard(device));
    }
}
