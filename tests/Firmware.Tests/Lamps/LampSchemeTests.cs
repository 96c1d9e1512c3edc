// The lamp scheme: PHONE-BEHAVIOUR.md's table, a device file's overrides and their errors, one-colour LEDs, the phone's lamps.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Tests.Core;
using DeskPhone.Firmware.Tests.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Lamps;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Lamps;

public class LampSchemeTests
{
    [Theory]
    [InlineData(LampMeaning.Idle, "off")]
    [InlineData(LampMeaning.RingingMine, "green fast-flash")]
    [InlineData(LampMeaning.RingingOthers, "red fast-flash")]
    [InlineData(LampMeaning.MineActive, "green steady")]
    [InlineData(LampMeaning.OthersBusy, "red steady")]
    [InlineData(LampMeaning.HeldByMe, "green slow-flash")]
    [InlineData(LampMeaning.HeldByOthers, "red slow-flash")]
    [InlineData(LampMeaning.HeldPrivate, "red steady")]
    [InlineData(LampMeaning.Parked, "red slow-flash")]
    [InlineData(LampMeaning.Failed, "red broken-flash")]
    public void The_default_scheme_is_the_table_in_the_behaviour_spec(LampMeaning meaning, string lamp)
    {
        Assert.Equal(lamp, LampScheme.Default.For(meaning).ToString());
    }

    [Fact]
    public void The_cadences_are_200_200_fast_500_500_slow_and_100_900_broken()
    {
        Assert.Equal(new[] { (200, 200), (500, 500), (100, 900) },
            new[] { Cadence.FastFlash, Cadence.SlowFlash, Cadence.BrokenFlash }.Select(c => (Cadences.OnMs(c), Cadences.OffMs(c))));
    }

    [Fact]
    public void Failed_looks_different_from_idle_on_two_colour_and_on_one_colour_LEDs()
    {
        var s = LampScheme.Default;
        Assert.True(LampScheme.LooksDifferent(s.For(LampMeaning.Failed), s.For(LampMeaning.Idle), twoColours: true));
        Assert.True(LampScheme.LooksDifferent(s.For(LampMeaning.Failed), s.For(LampMeaning.Idle), twoColours: false));
        // One colour keeps only on/off and cadence: ringing here and ringing elsewhere look alike, as the spec accepts.
        Assert.False(LampScheme.LooksDifferent(s.For(LampMeaning.RingingMine), s.For(LampMeaning.RingingOthers), twoColours: false));
        Assert.True(LampScheme.LooksDifferent(s.For(LampMeaning.RingingMine), s.For(LampMeaning.RingingOthers), twoColours: true));
    }

    [Fact]
    public void With_changes_one_entry_of_a_copy()
    {
        var amber = LampScheme.Default.With(LampMeaning.Parked, new LampState(LampColour.Amber, Cadence.SlowFlash));
        Assert.Equal("amber slow-flash", amber.For(LampMeaning.Parked).ToString());
        Assert.Equal("red slow-flash", LampScheme.Default.For(LampMeaning.Parked).ToString());
        Assert.Equal("red broken-flash", amber.For(LampMeaning.Failed).ToString());
    }

    [Theory]
    [InlineData("off", "off")]
    [InlineData("red fast-flash", "red fast-flash")]
    [InlineData("  amber   broken-flash ", "amber broken-flash")]
    [InlineData("green steady", "green steady")]
    public void Lamps_are_written_as_the_simulator_shows_them(string text, string expected)
    {
        Assert.True(LampScheme.TryParseState(text, out var state));
        Assert.Equal(expected, state.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("blue steady")]
    [InlineData("red blink")]
    [InlineData("Red steady")]
    [InlineData("off steady")]
    public void Anything_else_is_not_a_lamp(string text)
    {
        Assert.False(LampScheme.TryParseState(text, out _));
    }

    // ---- the device file ----

    private static string WithSection(string json) => Minimal.TrimEnd().TrimEnd('}') + ",\n  " + json + "\n}";

    [Fact]
    public void A_device_file_without_a_lamp_scheme_uses_the_default_and_no_pickup_code()
    {
        var config = Load(Minimal);
        Assert.Same(LampScheme.Default, config.LampScheme);
        Assert.Null(config.BlfPickupCode);
    }

    [Fact]
    public void A_lamp_scheme_section_overrides_only_the_entries_it_names()
    {
        var config = Load(WithSection("\"lampScheme\": { \"ringingOthers\": \"amber fast-flash\", \"heldByOthers\": \"amber slow-flash\", \"idle\": \"off\" }"));
        Assert.Equal("amber fast-flash", config.LampScheme.For(LampMeaning.RingingOthers).ToString());
        Assert.Equal("amber slow-flash", config.LampScheme.For(LampMeaning.HeldByOthers).ToString());
        Assert.Equal("red broken-flash", config.LampScheme.For(LampMeaning.Failed).ToString());
        Assert.Equal("green fast-flash", config.LampScheme.For(LampMeaning.RingingMine).ToString());
    }

    [Fact]
    public void Bad_lamp_scheme_entries_are_named_by_file_line_column_and_field()
    {
        string text = WithSection("""
            "lampScheme": {
                "faild": "red broken-flash",
                "parked": "red blink",
                "othersBusy": 3
              }
            """);
        var lines = Lines(Errors(text, "desk.json"));
        Assert.Equal(3, lines.Length);
        string[] expected =
        {
            "desk.json:6:5: lampScheme.faild: unknown field 'faild' in lampScheme (did you mean 'failed'?)",
            "desk.json:7:15: lampScheme.parked: 'red blink' is not a lamp: write 'off' or a colour (green, red, amber) and a cadence (steady, fast-flash, slow-flash, broken-flash), e.g. 'red fast-flash'",
            "desk.json:8:19: lampScheme.othersBusy: expected a string, found a number",
        };
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], lines[i]);
    }

    [Theory]
    [InlineData("\"failed\": \"off\"", "lampScheme.failed: failed ('off') must look different from idle ('off')")]
    [InlineData("\"idle\": \"red broken-flash\"", "lampScheme.idle: failed ('red broken-flash') must look different from idle ('red broken-flash')")]
    [InlineData("\"idle\": \"green broken-flash\"", "lampScheme.idle: failed ('red broken-flash') must look different from idle ('green broken-flash') on a one-colour LED too")]
    public void A_failed_lamp_that_looks_like_idle_is_an_error(string entry, string expected)
    {
        var messages = Messages(Errors(WithSection("\"lampScheme\": { " + entry + " }")));
        Assert.Single(messages);
        Assert.StartsWith(expected, messages[0]);
    }

    [Fact]
    public void A_lamp_scheme_that_is_not_an_object_is_an_error()
    {
        Assert.Equal(new[] { "lampScheme: expected an object, found a string" }, Messages(Errors(WithSection("\"lampScheme\": \"red\""))));
    }

    [Fact]
    public void The_blf_pickup_code_is_a_dial_string_in_features()
    {
        Assert.Equal("*8", Load(WithSection("\"features\": { \"blfPickupCode\": \"*8\" }")).BlfPickupCode);
        Assert.Equal(new[] { "features.blfPickupCode: 'x8' is not a dial string (digits, '*', '#' and '+')" },
            Messages(Errors(WithSection("\"features\": { \"blfPickupCode\": \"x8\" }"))));
        Assert.Equal(new[] { "features.blfPickupCod: unknown field 'blfPickupCod' in features (did you mean 'blfPickupCode'?)" },
            Messages(Errors(WithSection("\"features\": { \"blfPickupCod\": \"*8\" }"))));
    }

    // ---- LEDs and the phone ----

    [Fact]
    public void A_one_colour_LED_shows_the_failed_lamp_as_a_broken_flash_of_its_only_colour()
    {
        var rig = new VirtualLoop();
        var single = new SimLamps(rig.Clock, 1, twoColours: false);
        var driver = new LampDriver(rig.Loop, single);
        driver.Set(0, LampScheme.Default.For(LampMeaning.Failed));
        rig.AdvanceTo(2050);
        var changes = single.History(0).Skip(1).Select(c => (c.AtMs, c.Colour)).ToArray();
        Assert.Equal(new[] { (0L, LampColour.Green), (100L, LampColour.Off), (1000L, LampColour.Green), (1100L, LampColour.Off), (2000L, LampColour.Green) }, changes);
    }

    [Fact]
    public void The_phones_line_lamps_follow_the_scheme_of_its_device_file()
    {
        var rig = new PhoneRig(PhoneRig.DefaultConfig.Replace("\"display\":", "\"lampScheme\": { \"mineActive\": \"amber steady\" },\n  \"display\":"));
        rig.LiftHandset();
        Assert.Equal("amber steady", rig.Lamp(1));
    }
}
