// The simulated LEDs: what they show, their history with virtual timestamps, single-colour boards.
using DeskPhone.Hal.Simulated.Lamps;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Hal.Simulated.Tests.Lamps;

public class SimLampsTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public void Each_change_is_recorded_with_its_virtual_time()
    {
        var leds = new SimLamps(_clock, 2);
        leds.Set(0, LampColour.Red);
        _clock.MoveTo(150);
        leds.Set(0, LampColour.Off);
        leds.Set(1, LampColour.Amber);

        Assert.Equal(new[] { new LampChange(0, 0, LampColour.Red), new LampChange(150, 0, LampColour.Off) }, leds.History(0));
        Assert.Equal(new[] { new LampChange(150, 1, LampColour.Amber) }, leds.History(1));
        Assert.Equal(LampColour.Off, leds.Colour(0));
        Assert.Equal(LampColour.Amber, leds.Colour(1));
    }

    [Theory]
    [InlineData(LampColour.Green, LampColour.Green)]
    [InlineData(LampColour.Red, LampColour.Green)]
    [InlineData(LampColour.Amber, LampColour.Green)]
    [InlineData(LampColour.Off, LampColour.Off)]
    public void A_single_colour_LED_lights_its_one_colour_for_any_colour(LampColour asked, LampColour shown)
    {
        var leds = new SimLamps(_clock, 1, twoColours: false);
        leds.Set(0, asked);
        Assert.Equal(shown, leds.Colour(0));
        Assert.False(leds.HasTwoColours);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_lamp_the_board_does_not_have_is_refused(int index)
    {
        var leds = new SimLamps(_clock, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => leds.Set(index, LampColour.Red));
    }

    [Fact]
    public void The_history_keeps_the_last_4096_changes()
    {
        var leds = new SimLamps(_clock, 1);
        for (int i = 0; i < 5000; i++)
        {
            _clock.MoveTo(i);
            leds.Set(0, i % 2 == 0 ? LampColour.Green : LampColour.Off);
        }

        var history = leds.History(0);
        Assert.Equal(4096, history.Length);
        Assert.Equal(5000 - 4096, history[0].AtMs);
        Assert.Equal(4999, history[^1].AtMs);
    }
}
