using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class DialingTests
{
    [Fact]
    public void Lifting_the_handset_seizes_the_first_line_with_dial_tone_and_a_green_lamp()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Equal(1, rig.Phone.ActiveLine);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Equal(LampColour.Green, rig.Lamps.Colour(0));
        Assert.Equal("dial", rig.Phone.Audio.Tone.Name);
        Assert.True(rig.Audio.IsRunning);
        Assert.Equal(AudioRoute.Handset, rig.Audio.Route);
        Assert.Contains("Enter number", rig.ScreenText);
        Assert.Contains("as Reception 201", rig.ScreenText);
    }

    [Fact]
    public void Hanging_up_returns_to_idle_with_the_lamp_off_and_the_codec_stopped()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        rig.HangUp();
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("off", rig.Lamp(1));
        Assert.False(rig.Audio.IsRunning);
        Assert.Contains("Registered", rig.ScreenText);
    }

    [Fact]
    public void Pressing_the_second_line_key_seizes_that_line_on_the_speaker()
    {
        var rig = new PhoneRig();
        rig.Press(KeyCodes.Line(2));
        Assert.Equal(2, rig.Phone.ActiveLine);
        Assert.Equal("off", rig.Lamp(1));
        Assert.Equal("green steady", rig.Lamp(2));
        Assert.Equal(AudioRoute.Speaker, rig.Audio.Route);
        Assert.StartsWith("Line 2 | Speaker", rig.ScreenText);
        rig.Press(KeyCodes.Line(2));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void Digits_appear_on_the_screen_and_stop_the_dial_tone()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        foreach (int k in new[] { 2, 0, 2, KeyCodes.Star, KeyCodes.Pound }) rig.Press(k);
        Assert.Equal("202*#", rig.Phone.DialString);
        Assert.Contains("202*#", rig.ScreenText);
        Assert.Null(rig.Phone.Audio.Tone);
    }

    [Fact]
    public void The_del_softkey_removes_the_last_digit_and_end_hangs_up()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        rig.Press(5);
        rig.Press(6);
        rig.Press(KeyCodes.Soft1 + 1);
        Assert.Equal("5", rig.Phone.DialString);
        rig.Press(KeyCodes.Soft1 + 3);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void Dialing_while_not_registered_says_so_instead_of_pretending_to_call()
    {
        var rig = new PhoneRig(registrar: false);
        rig.LiftHandset();
        rig.Press(7);
        rig.Press(KeyCodes.Soft1);
        Assert.Contains("No calls: not registered", rig.ScreenText);
        rig.Wait(Firmware.Phone.Phone.MessageMs + 10);
        Assert.DoesNotContain("No calls", rig.ScreenText);
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
    }

    [Fact]
    public void A_long_number_keeps_its_latest_digits_visible()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        for (int i = 0; i < 30; i++) rig.Press(i % 10);
        string line = rig.Phone.Screen.TextLines().First(l => l.Contains('\u2026'));
        Assert.EndsWith("6789", line);
    }

    [Fact]
    public void The_dial_buffer_refuses_more_than_32_digits()
    {
        var rig = new PhoneRig();
        rig.LiftHandset();
        for (int i = 0; i < 40; i++) rig.Press(1);
        Assert.Equal(32, rig.Phone.DialString.Length);
        Assert.Contains("Number too long", rig.ScreenText);
    }

    [Fact]
    public void The_speaker_hears_a_350_and_440_hertz_dial_tone()
    {
        var rig = new PhoneRig();
        rig.Audio.StartCapture();
        rig.LiftHandset();
        rig.Wait(1000);
        short[] heard = rig.Audio.Captured();
        Assert.InRange(heard.Length, 7600, 8000);
        double p350 = Goertzel.Power(heard, 8000, 350), p440 = Goertzel.Power(heard, 8000, 440), p1000 = Goertzel.Power(heard, 8000, 1000);
        Assert.True(p350 > 1000 * p1000, $"350 Hz {p350} vs 1 kHz {p1000}");
        Assert.True(p440 > 1000 * p1000, $"440 Hz {p440} vs 1 kHz {p1000}");
    }
}
