// Lamp colours to LED lines, through a fake line set.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Hal;

public sealed class GpioLampsTests
{
    // Lamp 0: green 17, red 27. Lamp 1: green 22, red 23. Lamp 2 not wired.
    private static (GpioLamps Lamps, FakeGpioLines Lines) TwoColour()
    {
        var lines = new FakeGpioLines(17, 27, 22, 23);
        var lamps = new GpioLamps(lines, 3, [new LampLine(0, -1, 17, 27), new LampLine(1, -1, 22, 23)], twoColours: true);
        return (lamps, lines);
    }

    [Theory]
    [InlineData(LampColour.Green, true, false)]
    [InlineData(LampColour.Red, false, true)]
    [InlineData(LampColour.Amber, true, true)]
    [InlineData(LampColour.Off, false, false)]
    public void Two_colour_lamp_lights_green_red_or_both_for_amber(LampColour colour, bool green, bool red)
    {
        var (lamps, lines) = TwoColour();
        lamps.Set(0, LampColour.Amber == colour ? LampColour.Red : LampColour.Amber);   // start from something else
        lamps.Set(0, colour);
        Assert.Equal(green, lines.IsOn(17));
        Assert.Equal(red, lines.IsOn(27));
    }

    [Fact]
    public void Setting_one_lamp_touches_only_its_own_lines()
    {
        var (lamps, lines) = TwoColour();
        lamps.Set(1, LampColour.Amber);
        lamps.Set(0, LampColour.Green);
        Assert.Equal((0b0001UL, 0b0011UL), lines.Sets[^1]);
        Assert.True(lines.IsOn(22) && lines.IsOn(23));
    }

    [Fact]
    public void Setting_the_colour_a_lamp_shows_sends_nothing()
    {
        var (lamps, lines) = TwoColour();
        lamps.Set(0, LampColour.Red);
        lamps.Set(0, LampColour.Red);
        Assert.Single(lines.Sets);
    }

    [Fact]
    public void A_lamp_without_leds_is_accepted_and_drives_nothing()
    {
        var (lamps, lines) = TwoColour();
        lamps.Set(2, LampColour.Green);
        Assert.Empty(lines.Sets);
        Assert.Equal(3, lamps.Count);
    }

    [Theory]
    [InlineData(LampColour.Green)]
    [InlineData(LampColour.Red)]
    [InlineData(LampColour.Amber)]
    public void Single_colour_lamp_lights_for_any_colour(LampColour colour)
    {
        var lines = new FakeGpioLines(17);
        var lamps = new GpioLamps(lines, 1, [new LampLine(0, 17, -1, -1)], twoColours: false);
        Assert.False(lamps.HasTwoColours);
        lamps.Set(0, colour);
        Assert.True(lines.IsOn(17));
        lamps.Set(0, LampColour.Off);
        Assert.False(lines.IsOn(17));
    }

    [Fact]
    public void All_off_darkens_every_wired_led_at_once()
    {
        var (lamps, lines) = TwoColour();
        lamps.Set(0, LampColour.Amber);
        lamps.Set(1, LampColour.Green);
        lamps.AllOff();
        Assert.Equal((0UL, 0b1111UL), lines.Sets[^1]);
        Assert.Equal(0UL, lines.Values);
    }

    [Fact]
    public void A_lamp_index_beyond_the_count_is_a_bug()
    {
        var (lamps, _) = TwoColour();
        Assert.Throws<ArgumentOutOfRangeException>(() => lamps.Set(3, LampColour.Green));
    }

    [Fact]
    public void Lamp_lines_are_outputs_requested_off_with_active_low_leds_inverted_by_the_kernel()
    {
        var (pins, flags, attributes) = GpioLamps.Config([new LampLine(0, -1, 17, 27), new LampLine(1, 22, -1, -1, ActiveLow: true)]);
        Assert.Equal([17, 27, 22], pins);
        Assert.Equal(GpioLineFlags.Output, flags);
        Assert.Equal(
            [new GpioLineAttribute(GpioAttributeId.Flags, (ulong)(GpioLineFlags.Output | GpioLineFlags.ActiveLow), 0b100),
             new GpioLineAttribute(GpioAttributeId.OutputValues, 0, 0b111)],
            attributes);
    }
}
