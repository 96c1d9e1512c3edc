// The lamp driver on virtual time: cadences, phase, the shared tick, and writing the LED only on change.
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Tests.Core;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Lamps;

namespace DeskPhone.Firmware.Tests.Lamps;

public class LampDriverTests
{
    private readonly VirtualLoop _rig = new();
    private readonly SimLamps _leds;
    private readonly LampDriver _lamps;

    public LampDriverTests()
    {
        _leds = new SimLamps(_rig.Clock, 4);
        _lamps = new LampDriver(_rig.Loop, _leds);
    }

    /// <summary>The LED changes of lamp <paramref name="i"/> after the driver's start-up write.</summary>
    private LampChange[] Changes(int i) => _leds.History(i).Skip(1).ToArray();

    private static LampChange[] Toggles(int lamp, LampColour colour, params long[] times) =>
        times.Select((t, k) => new LampChange(t, lamp, k % 2 == 0 ? colour : LampColour.Off)).ToArray();

    [Fact]
    public void A_new_driver_switches_every_LED_off_once()
    {
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(new[] { new LampChange(0, i, LampColour.Off) }, _leds.History(i));
            Assert.Equal(LampState.Off.ToString(), _lamps.Get(i).ToString());
        }
        Assert.Equal(4, _lamps.Count);
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    [Theory]
    [InlineData(LampColour.Green)]
    [InlineData(LampColour.Red)]
    [InlineData(LampColour.Amber)]
    public void A_steady_lamp_writes_the_LED_once(LampColour colour)
    {
        _rig.AdvanceTo(40);
        _lamps.Set(1, colour, Cadence.Steady);
        _rig.AdvanceTo(10000);

        Assert.Equal(new[] { new LampChange(40, 1, colour) }, Changes(1));
        Assert.Equal(colour, _lamps.Shown(1));
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    public static TheoryData<Cadence, long[]> CadenceTimes => new()
    {
        { Cadence.FastFlash, new long[] { 0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000 } },
        { Cadence.SlowFlash, new long[] { 0, 500, 1000, 1500, 2000 } },
        { Cadence.BrokenFlash, new long[] { 0, 100, 1000, 1100, 2000 } },
    };

    [Theory]
    [MemberData(nameof(CadenceTimes))]
    public void A_flashing_lamp_toggles_at_its_cadence(Cadence cadence, long[] times)
    {
        _rig.AdvanceTo(1000);
        _lamps.Set(2, LampColour.Red, cadence);
        _rig.AdvanceTo(3050);

        var expected = Toggles(2, LampColour.Red, times.Select(t => t + 1000).ToArray());
        Assert.Equal(expected, Changes(2));
    }

    [Theory]
    [InlineData(Cadence.FastFlash, 200, 200)]
    [InlineData(Cadence.SlowFlash, 500, 500)]
    [InlineData(Cadence.BrokenFlash, 100, 900)]
    public void Cadences_have_the_on_and_off_times_of_the_behaviour_spec(Cadence cadence, int on, int off)
    {
        Assert.Equal(on, Cadences.OnMs(cadence));
        Assert.Equal(off, Cadences.OffMs(cadence));
        Assert.Equal(0, (on + off) % Cadences.TickMs);
        Assert.True(Cadences.IsLit(cadence, 0));
        Assert.True(Cadences.IsLit(cadence, on - 1));
        Assert.False(Cadences.IsLit(cadence, on));
        Assert.False(Cadences.IsLit(cadence, on + off - 1));
        Assert.True(Cadences.IsLit(cadence, on + off));
    }

    [Fact]
    public void Two_lamps_flashing_with_the_same_cadence_are_in_phase()
    {
        _lamps.Set(0, LampColour.Green, Cadence.FastFlash);
        _rig.AdvanceTo(530);                      // mid-cycle, between ticks
        _lamps.Set(3, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(3000);

        for (long t = 530; t <= 3000; t += 10)
        {
            bool lit0 = LitAt(0, t), lit3 = LitAt(3, t);
            Assert.True(lit0 == lit3, "lamps out of phase at t=" + t);
        }
        // lamp 0 is in the lit half of its 400-600 ms cycle, so lamp 3 lights at once and both go dark at 600
        Assert.Equal(Toggles(3, LampColour.Red, 530, 600, 800, 1000), Changes(3).Take(4).ToArray());
    }

    [Fact]
    public void A_lamp_joining_while_its_phase_is_lit_lights_at_once()
    {
        _lamps.Set(0, LampColour.Green, Cadence.SlowFlash);
        _rig.AdvanceTo(1130);
        _lamps.Set(1, LampColour.Green, Cadence.SlowFlash);
        _rig.AdvanceTo(2100);

        Assert.Equal(Toggles(1, LampColour.Green, 1130, 1500, 2000), Changes(1));
    }

    [Fact]
    public void The_tick_timer_runs_only_while_some_lamp_flashes()
    {
        Assert.Equal(0, _rig.Clock.PendingTimers);

        _lamps.Set(0, LampColour.Red, Cadence.FastFlash);
        Assert.Equal(1, _rig.Clock.PendingTimers);
        _lamps.Set(1, LampColour.Green, Cadence.SlowFlash);
        Assert.Equal(1, _rig.Clock.PendingTimers);   // one shared tick
        _rig.AdvanceTo(700);

        _lamps.Set(0, LampColour.Red, Cadence.Steady);
        Assert.Equal(1, _rig.Clock.PendingTimers);
        _lamps.Set(1, LampState.Off);
        Assert.Equal(0, _rig.Clock.PendingTimers);

        int writes = _leds.History(0).Length + _leds.History(1).Length;
        _rig.AdvanceTo(5000);
        Assert.Equal(writes, _leds.History(0).Length + _leds.History(1).Length);
    }

    [Fact]
    public void A_flashing_lamp_turned_off_goes_dark_and_stays_dark()
    {
        _lamps.Set(0, LampColour.Red, Cadence.SlowFlash);
        _rig.AdvanceTo(200);
        _lamps.Set(0, LampState.Off);
        _rig.AdvanceTo(3000);

        Assert.Equal(Toggles(0, LampColour.Red, 0, 200), Changes(0));
        Assert.Equal(LampColour.Off, _leds.Colour(0));
    }

    [Fact]
    public void A_flashing_lamp_made_steady_while_dark_lights_and_stays_lit()
    {
        _lamps.Set(0, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(250);
        _lamps.Set(0, LampColour.Red, Cadence.Steady);
        _rig.AdvanceTo(3000);

        Assert.Equal(Toggles(0, LampColour.Red, 0, 200, 250), Changes(0));
        Assert.Equal(LampColour.Red, _leds.Colour(0));
    }

    [Fact]
    public void Setting_the_same_state_again_writes_nothing()
    {
        _lamps.Set(0, LampColour.Green, Cadence.Steady);
        _lamps.Set(1, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(100);
        int before0 = _leds.History(0).Length, before1 = _leds.History(1).Length, before2 = _leds.History(2).Length;

        _lamps.Set(0, LampColour.Green, Cadence.Steady);
        _lamps.Set(1, new LampState(LampColour.Red, Cadence.FastFlash));
        _lamps.Set(2, LampState.Off);
        _lamps.Set(2, LampColour.Off, Cadence.FastFlash);    // off is off, whatever the cadence

        Assert.Equal(before0, _leds.History(0).Length);
        Assert.Equal(before1, _leds.History(1).Length);
        Assert.Equal(before2, _leds.History(2).Length);
        Assert.Equal(1, _rig.Clock.PendingTimers);
    }

    [Fact]
    public void Changing_only_the_colour_of_a_steady_lamp_writes_the_new_colour()
    {
        _lamps.Set(0, LampColour.Green, Cadence.Steady);
        _rig.AdvanceTo(10);
        _lamps.Set(0, LampColour.Red, Cadence.Steady);

        Assert.Equal(new[] { new LampChange(0, 0, LampColour.Green), new LampChange(10, 0, LampColour.Red) }, Changes(0));
    }

    [Fact]
    public void Single_colour_LEDs_show_green_for_red_and_amber()
    {
        var single = new SimLamps(_rig.Clock, 3, twoColours: false);
        var driver = new LampDriver(_rig.Loop, single);

        driver.Set(0, LampColour.Red, Cadence.Steady);
        driver.Set(1, LampColour.Amber, Cadence.Steady);
        driver.Set(2, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(450);

        Assert.False(single.HasTwoColours);
        Assert.Equal(LampColour.Green, single.Colour(0));
        Assert.Equal(LampColour.Green, single.Colour(1));
        Assert.Equal(Toggles(2, LampColour.Green, 0, 200, 400), single.History(2).Skip(1).ToArray());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(96)]
    public void Lamps_beyond_the_boards_count_are_ignored(int index)
    {
        _lamps.Set(index, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(1000);

        Assert.Equal(0, _rig.Clock.PendingTimers);
        Assert.Equal(0, _rig.Loop.Failures);
        for (int i = 0; i < 4; i++) Assert.Single(_leds.History(i));
    }

    [Fact]
    public void The_driver_reports_the_logical_state_and_what_the_LED_shows()
    {
        _lamps.Set(0, LampColour.Red, Cadence.FastFlash);
        _rig.AdvanceTo(250);

        Assert.Equal("red fast-flash", _lamps.Get(0).ToString());
        Assert.Equal(LampColour.Off, _lamps.Shown(0));
    }

    [Theory]
    [InlineData(LampColour.Off, Cadence.FastFlash, "off")]
    [InlineData(LampColour.Green, Cadence.Steady, "green steady")]
    [InlineData(LampColour.Red, Cadence.FastFlash, "red fast-flash")]
    [InlineData(LampColour.Amber, Cadence.SlowFlash, "amber slow-flash")]
    [InlineData(LampColour.Red, Cadence.BrokenFlash, "red broken-flash")]
    public void Lamp_states_read_as_words(LampColour colour, Cadence cadence, string text)
    {
        Assert.Equal(text, new LampState(colour, cadence).ToString());
    }

    [Theory]
    [InlineData(LampColour.Off, Cadence.Steady, LampColour.Off, Cadence.SlowFlash, true)]
    [InlineData(LampColour.Red, Cadence.Steady, LampColour.Red, Cadence.Steady, true)]
    [InlineData(LampColour.Red, Cadence.Steady, LampColour.Red, Cadence.FastFlash, false)]
    [InlineData(LampColour.Red, Cadence.Steady, LampColour.Green, Cadence.Steady, false)]
    [InlineData(LampColour.Red, Cadence.Steady, LampColour.Off, Cadence.Steady, false)]
    public void Two_states_are_the_same_when_they_show_the_same(LampColour c1, Cadence k1, LampColour c2, Cadence k2, bool same)
    {
        Assert.Equal(same, new LampState(c1, k1).SameAs(new LampState(c2, k2)));
        Assert.Equal(same, new LampState(c2, k2).SameAs(new LampState(c1, k1)));
    }

    private bool LitAt(int lamp, long t)
    {
        var last = _leds.History(lamp).LastOrDefault(c => c.AtMs <= t);
        return last.Colour != LampColour.Off;
    }
}
