// The keypad turns raw contact edges into what a person did: debounce, long press, repeat, release.
using DeskPhone.Firmware.Input;
using DeskPhone.Firmware.Tests.Core;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Input;

namespace DeskPhone.Firmware.Tests.Input;

public class KeypadTests
{
    private readonly VirtualLoop _rig = new();
    private readonly SimKeys _keys = new();
    private readonly RecordingKeyListener _heard;
    private readonly Keypad _pad;

    public KeypadTests()
    {
        _heard = new RecordingKeyListener(_rig.Clock);
        _pad = new Keypad(_rig.Loop, _heard);
        _pad.Attach(_keys);
    }

    /// <summary>A raw edge at virtual time <paramref name="atMs"/>.</summary>
    private void EdgeAt(long atMs, int key, bool down)
    {
        _rig.AdvanceTo(atMs);
        _keys.Edge(key, down);
    }

    [Fact]
    public void A_clean_press_is_reported_after_the_debounce_time()
    {
        EdgeAt(0, 5, true);
        _rig.AdvanceTo(KeyTiming.DebounceMs - 1);
        Assert.Empty(_heard.Events);
        Assert.False(_pad.IsDown(5));

        _rig.AdvanceTo(KeyTiming.DebounceMs);
        Assert.Equal(new[] { "t=8 press 5" }, _heard.Events);
        Assert.True(_pad.IsDown(5));
    }

    [Fact]
    public void A_press_held_longer_than_the_debounce_counts_even_when_the_loop_runs_only_after_the_release()
    {
        // The loop is held up (a GC pause, a loaded machine): both edges wait in its queue.
        _keys.Edge(5, true);
        _rig.Clock.MoveTo(80);
        _keys.Edge(5, false);

        _rig.AdvanceTo(80 + KeyTiming.DebounceMs);

        Assert.Equal(new[] { "press 5", "release 5" }, _heard.Events.Select(e => e[(e.IndexOf(' ') + 1)..]).ToArray());
        Assert.False(_pad.IsDown(5));
    }

    [Fact]
    public void A_bounce_shorter_than_the_debounce_still_counts_for_nothing_when_the_loop_runs_late()
    {
        _keys.Edge(5, true);
        _rig.Clock.MoveTo(KeyTiming.DebounceMs - 3);
        _keys.Edge(5, false);

        _rig.AdvanceTo(100);

        Assert.Empty(_heard.Events);
    }

    [Fact]
    public void A_bouncing_contact_gives_one_press_after_the_debounce()
    {
        EdgeAt(0, 5, true);
        EdgeAt(1, 5, false);
        EdgeAt(3, 5, true);
        _rig.AdvanceTo(100);

        Assert.Equal(new[] { "t=11 press 5" }, _heard.Events);
    }

    [Fact]
    public void A_bouncing_release_gives_one_release_after_the_debounce()
    {
        EdgeAt(0, 5, true);
        EdgeAt(200, 5, false);
        EdgeAt(201, 5, true);
        EdgeAt(202, 5, false);
        _rig.AdvanceTo(400);

        Assert.Equal(new[] { "t=8 press 5", "t=210 release 5" }, _heard.Events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_glitch_shorter_than_the_debounce_gives_nothing(int glitchMs)
    {
        EdgeAt(0, 5, true);
        EdgeAt(glitchMs, 5, false);
        _rig.AdvanceTo(2000);

        Assert.Empty(_heard.Events);
        Assert.False(_pad.IsDown(5));
    }

    [Fact]
    public void A_short_dropout_while_held_is_not_a_release()
    {
        EdgeAt(0, 5, true);
        EdgeAt(100, 5, false);
        EdgeAt(102, 5, true);
        _rig.AdvanceTo(500);

        Assert.Equal(new[] { "t=8 press 5" }, _heard.Events);
        Assert.True(_pad.IsDown(5));
    }

    [Fact]
    public void A_repeated_down_edge_is_one_press()
    {
        EdgeAt(0, 5, true);
        EdgeAt(2, 5, true);
        _rig.AdvanceTo(100);

        Assert.Equal(new[] { "t=10 press 5" }, _heard.Events);
    }

    [Fact]
    public void A_short_press_is_released_without_a_long_press()
    {
        EdgeAt(0, 5, true);
        EdgeAt(300, 5, false);
        _rig.AdvanceTo(5000);

        Assert.Equal(new[] { "t=8 press 5", "t=308 release 5" }, _heard.Events);
        Assert.False(_pad.IsDown(5));
    }

    [Fact]
    public void A_key_held_for_1000_ms_reports_a_long_press_and_then_a_release_after_it()
    {
        EdgeAt(0, KeyCodes.Line(1), true);
        _rig.AdvanceTo(8 + KeyTiming.LongPressMs - 1);
        Assert.Equal(new[] { "t=8 press line1" }, _heard.Events);

        EdgeAt(1500, KeyCodes.Line(1), false);
        _rig.AdvanceTo(5000);

        Assert.Equal(new[] { "t=8 press line1", "t=1008 long line1", "t=1508 release line1 after-long" }, _heard.Events);
    }

    [Fact]
    public void A_press_after_a_long_press_starts_afresh()
    {
        EdgeAt(0, 5, true);
        EdgeAt(1500, 5, false);
        EdgeAt(2000, 5, true);
        EdgeAt(2100, 5, false);
        _rig.AdvanceTo(5000);

        Assert.Equal(new[]
        {
            "t=8 press 5", "t=1008 long 5", "t=1508 release 5 after-long",
            "t=2008 press 5", "t=2108 release 5",
        }, _heard.Events);
    }

    [Theory]
    [InlineData(KeyCodes.VolumeUp)]
    [InlineData(KeyCodes.VolumeDown)]
    [InlineData(KeyCodes.Up)]
    [InlineData(KeyCodes.Down)]
    [InlineData(KeyCodes.Left)]
    [InlineData(KeyCodes.Right)]
    public void Repeating_keys_repeat_after_500_ms_every_150_ms_until_released(int key)
    {
        EdgeAt(0, key, true);
        EdgeAt(940, key, false);
        _rig.AdvanceTo(3000);

        var repeats = _heard.Of("repeat").Select(e => e.Split(' ')[0]).ToArray();
        Assert.Equal(new[] { "t=508", "t=658", "t=808" }, repeats);
        Assert.Equal("t=948 release " + KeyCodes.Name(key), _heard.Events.Last());
    }

    [Fact]
    public void A_repeating_key_held_past_a_second_also_reports_its_long_press()
    {
        EdgeAt(0, KeyCodes.VolumeUp, true);
        EdgeAt(1200, KeyCodes.VolumeUp, false);
        _rig.AdvanceTo(2000);

        Assert.Equal(new[]
        {
            "t=8 press vol+", "t=508 repeat vol+", "t=658 repeat vol+", "t=808 repeat vol+", "t=958 repeat vol+",
            "t=1008 long vol+", "t=1108 repeat vol+", "t=1208 release vol+ after-long",
        }, _heard.Events);
    }

    [Theory]
    [InlineData(KeyCodes.LineBase + 1)]
    [InlineData(KeyCodes.LineBase + KeyCodes.MaxLineKeys)]
    [InlineData(KeyCodes.Hold)]
    [InlineData(KeyCodes.Ok)]
    [InlineData(5)]
    [InlineData(KeyCodes.Soft1)]
    public void Other_keys_never_repeat(int key)
    {
        EdgeAt(0, key, true);
        EdgeAt(3000, key, false);
        _rig.AdvanceTo(4000);

        Assert.Empty(_heard.Of("repeat"));
        Assert.Single(_heard.Of("press"));
        Assert.Single(_heard.Of("long"));
    }

    [Fact]
    public void A_repeating_key_released_before_500_ms_never_repeats()
    {
        EdgeAt(0, KeyCodes.VolumeDown, true);
        EdgeAt(400, KeyCodes.VolumeDown, false);
        _rig.AdvanceTo(3000);

        Assert.Equal(new[] { "t=8 press vol-", "t=408 release vol-" }, _heard.Events);
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    [Fact]
    public void Hook_edges_report_lift_and_hang_up()
    {
        EdgeAt(0, KeyCodes.Hook, true);   // handset lifted
        EdgeAt(2, KeyCodes.Hook, false);  // the hookswitch bounces
        EdgeAt(4, KeyCodes.Hook, true);
        _rig.AdvanceTo(50);
        Assert.True(_pad.IsDown(KeyCodes.Hook));

        EdgeAt(600, KeyCodes.Hook, false); // hung up
        _rig.AdvanceTo(700);

        Assert.Equal(new[] { "t=12 press hook", "t=608 release hook" }, _heard.Events);
        Assert.False(_pad.IsDown(KeyCodes.Hook));
    }

    [Fact]
    public void Two_keys_held_at_once_are_debounced_and_timed_independently()
    {
        EdgeAt(0, 5, true);
        EdgeAt(4, KeyCodes.Line(2), true);
        EdgeAt(5, 5, false);               // key 5 bounces; the line key is unaffected
        EdgeAt(6, 5, true);
        EdgeAt(300, 5, false);
        _rig.AdvanceTo(2000);
        EdgeAt(2000, KeyCodes.Line(2), false);
        _rig.AdvanceTo(3000);

        Assert.Equal(new[]
        {
            "t=12 press line2", "t=14 press 5", "t=308 release 5",
            "t=1012 long line2", "t=2008 release line2 after-long",
        }, _heard.Events);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(KeyCodes.LineBase + KeyCodes.MaxLineKeys + 1)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Out_of_range_key_codes_are_ignored(int key)
    {
        _pad.OnRawEdge(key, true);
        Assert.Equal(0, _rig.Loop.Pending);
        _rig.AdvanceTo(2000);
        _pad.OnRawEdge(key, false);
        _rig.AdvanceTo(3000);

        Assert.Empty(_heard.Events);
        Assert.False(_pad.IsDown(key));
        Assert.Equal(0, _rig.Loop.Failures);
    }

    [Fact]
    public void Edges_are_handled_on_the_loop_not_in_the_HAL_callback()
    {
        _keys.Edge(5, true);

        Assert.Equal(1, _rig.Loop.Pending);
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    [Fact]
    public void A_key_never_touched_is_up()
    {
        Assert.False(_pad.IsDown(KeyCodes.Hook));
        Assert.False(_pad.IsDown(KeyCodes.Line(96)));
    }

    [Fact]
    public void After_a_release_no_key_timer_is_left_running()
    {
        EdgeAt(0, KeyCodes.VolumeUp, true);
        EdgeAt(700, KeyCodes.VolumeUp, false);
        _rig.AdvanceTo(800);

        Assert.Equal(0, _rig.Clock.PendingTimers);
    }
}
