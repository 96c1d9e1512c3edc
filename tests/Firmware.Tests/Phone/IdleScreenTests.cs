using DeskPhone.Firmware.Phone;

namespace DeskPhone.Firmware.Tests.Phone;

public class IdleScreenTests
{
    [Fact]
    public void A_booted_phone_shows_its_name_time_extension_registration_and_line_labels()
    {
        var rig = new PhoneRig();
        string[] lines = rig.Phone.Screen.TextLines();
        Assert.Equal("Reception | 09:05", lines[0]);
        Assert.Equal("201  Registered", lines[1]);
        Assert.Contains("Line 1", rig.ScreenText);
        Assert.Contains("Bob Stone", rig.ScreenText);
        Assert.Contains("DND", rig.ScreenText);
        Assert.DoesNotContain("Lobby", rig.ScreenText); // it is on page 2
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_phone_whose_registrar_never_answers_shows_registering_then_failed()
    {
        var rig = new PhoneRig(registrar: false);
        Assert.Equal("201  Registering", rig.Phone.Screen.TextLines()[1]);
        rig.Wait(32_000);
        Assert.Equal("201  Registration failed", rig.Phone.Screen.TextLines()[1]);
        Assert.Contains("no answer from UDP 127.0.0.1:5060", rig.Phone.RegistrationProblem);
    }

    [Fact]
    public void All_lamps_are_off_on_an_idle_phone()
    {
        var rig = new PhoneRig();
        for (int i = 1; i <= 8; i++) if (i != 3) Assert.Equal("off", rig.Lamp(i));
        for (int i = 0; i < 8; i++) if (i != 2) Assert.Equal(DeskPhone.Hal.LampColour.Off, rig.Lamps.Colour(i));
        // Key 3 is a BLF key and this rig's registrar serves no subscriptions: the failed lamp (BlfTests).
        Assert.Equal("red broken-flash", rig.Lamp(3));
    }

    [Fact]
    public void The_panel_shows_what_the_firmware_drew_pixel_for_pixel()
    {
        var rig = new PhoneRig();
        var fb = rig.Phone.Screen.Frame;
        Assert.True(rig.Display.PoweredOn);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                Assert.Equal(fb.GetPixel(x, y), rig.Display.Lit(x, y));
    }

    [Fact]
    public void The_clock_on_the_idle_screen_moves_with_time_and_only_changed_pages_are_sent()
    {
        var rig = new PhoneRig();
        int before = rig.Display.TotalPageWrites;
        rig.Wait(60_000);
        Assert.StartsWith("Reception | 09:06", rig.ScreenText);
        int sent = rig.Display.TotalPageWrites - before;
        Assert.InRange(sent, 1, 2); // the time lives in the top rows: pages 0 and 1 at most
        Assert.Equal(1, rig.Display.PageWrites(7)); // the softkey page was sent once, at boot
    }

    [Fact]
    public void A_twelve_hour_clock_shows_am_and_pm()
    {
        var rig = new PhoneRig(PhoneRig.DefaultConfig.Replace("\"clock24h\": true", "\"clock24h\": false"));
        Assert.StartsWith("Reception | 09:05am", rig.ScreenText);
    }

    [Fact]
    public void A_long_name_is_cut_with_an_ellipsis_and_the_time_stays_visible()
    {
        var rig = new PhoneRig(PhoneRig.DefaultConfig.Replace("\"name\": \"Reception\"", "\"name\": \"Front desk reception, building B\""));
        string top = rig.Phone.Screen.TextLines()[0];
        Assert.EndsWith("\u2026 | 09:05", top);
        Assert.StartsWith("Front desk", top);
    }

    [Fact]
    public void The_page_key_flips_to_the_keys_of_the_next_page()
    {
        var rig = new PhoneRig();
        rig.Press(DeskPhone.Hal.KeyCodes.Page);
        Assert.Equal(2, rig.Phone.Page);
        Assert.Contains("Lobby", rig.ScreenText);
        Assert.DoesNotContain("Bob Stone", rig.ScreenText);
        rig.Press(DeskPhone.Hal.KeyCodes.Page);
        Assert.Equal(1, rig.Phone.Page);
    }
}
