// The settings menu: opened from idle, navigated with up/down/OK/back, every change saved through PhoneSettings.
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;
using FirmwarePhone = DeskPhone.Firmware.Phone.Phone;

namespace DeskPhone.Firmware.Tests.Phone;

public class SettingsMenuTests
{
    private static string[] Lines(PhoneRig rig) => rig.Phone.Screen.TextLines();

    private static PhoneRig InMenu(MemoryStorage? storage = null, bool farEnd = false)
    {
        var rig = new PhoneRig(storage: storage, farEnd: farEnd);
        rig.Press(KeyCodes.Soft1 + 3); // Menu
        Assert.Equal(PhoneMode.Settings, rig.Phone.Mode);
        return rig;
    }

    [Fact]
    public void A_long_press_of_OK_on_the_idle_screen_opens_the_settings_with_their_values()
    {
        var rig = new PhoneRig();
        rig.Press(KeyCodes.Ok, holdMs: 1200);
        Assert.Equal(PhoneMode.Settings, rig.Phone.Mode);
        Assert.Equal(new[]
        {
            "Settings",
            "Do not disturb | Off",
            "Ring volume | 5/10",
            "Contrast | 200",
            "24-hour clock | On",
            "About",
            "Select | Back",
        }, Lines(rig));
    }

    [Fact]
    public void Back_returns_to_the_idle_screen_which_offers_the_menu_and_the_call_list()
    {
        var rig = InMenu();
        rig.Press(KeyCodes.Back);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.EndsWith(" | Calls | Menu", rig.ScreenText);
    }

    [Fact]
    public void Do_not_disturb_switched_in_the_menu_lights_the_DND_key_and_survives_a_reboot()
    {
        var storage = new MemoryStorage();
        var rig = InMenu(storage);
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Do not disturb | On", Lines(rig)[1]);
        Assert.Equal("red steady", rig.Lamp(4));
        Assert.True(new PhoneRig(storage: storage).Phone.Dnd);
    }

    [Fact]
    public void The_ring_volume_is_changed_with_up_and_down_saved_with_OK_and_used_for_the_next_call()
    {
        var storage = new MemoryStorage();
        var rig = InMenu(storage, farEnd: true);
        rig.Press(KeyCodes.Down);
        Assert.Equal(PhoneMenuEntry(rig), FirmwarePhone.MenuRingVolume);
        rig.Press(KeyCodes.Ok);
        Assert.Equal(new[] { "Ring volume", "5/10", "Up/down to change", "Save | Cancel" }, Lines(rig));
        for (int i = 0; i < 7; i++) rig.Press(KeyCodes.Up); // stops at 10
        rig.Press(KeyCodes.Down);
        Assert.Equal("9/10", Lines(rig)[1]);
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Ring volume | 9/10", Lines(rig)[2]);
        Assert.Equal(9, rig.Phone.RingVolume);

        rig.Press(KeyCodes.Back);
        rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(10);
        Assert.Equal(9, rig.Audio.Volume);
        Assert.Equal(9, new PhoneRig(storage: storage).Phone.RingVolume);
    }

    [Fact]
    public void Cancel_leaves_the_value_as_it_was()
    {
        var rig = InMenu();
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Soft1 + 3); // Cancel
        Assert.Equal("Ring volume | 5/10", Lines(rig)[2]);
        Assert.Equal(-1, rig.Phone.SettingsEditing);
    }

    [Fact]
    public void The_contrast_is_tried_on_the_panel_while_changing_and_kept_after_a_reboot()
    {
        var storage = new MemoryStorage();
        var rig = InMenu(storage);
        Assert.Equal(200, rig.Display.Contrast); // the device file's
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        rig.Press(KeyCodes.Up);
        rig.Press(KeyCodes.Up);
        Assert.Equal(230, rig.Display.Contrast);
        rig.Press(KeyCodes.Soft1); // Save
        Assert.Equal("Contrast | 230", Lines(rig)[3]);
        var rebooted = new PhoneRig(storage: storage);
        Assert.Equal(230, rebooted.Display.Contrast);
    }

    [Fact]
    public void Leaving_while_trying_a_contrast_puts_the_saved_one_back()
    {
        var rig = InMenu();
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        for (int i = 0; i < 20; i++) rig.Press(KeyCodes.Down);
        Assert.Equal(0, rig.Display.Contrast);
        rig.LiftHandset(); // off hook leaves the menu for dialing
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Equal(200, rig.Display.Contrast);
    }

    [Fact]
    public void The_clock_switches_to_twelve_hours_on_the_idle_screen_and_stays_so_after_a_reboot()
    {
        var storage = new MemoryStorage();
        var rig = InMenu(storage);
        for (int i = 0; i < 3; i++) rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        Assert.Equal("24-hour clock | Off", Lines(rig)[4]);
        rig.Press(KeyCodes.Back);
        Assert.Equal("Reception | 09:05am", Lines(rig)[0]);
        Assert.Equal("Reception | 09:05am", Lines(new PhoneRig(storage: storage))[0]);
    }

    [Fact]
    public void About_shows_the_firmware_version_address_extension_and_registration()
    {
        var rig = InMenu();
        for (int i = 0; i < 6; i++) rig.Press(KeyCodes.Down); // stops on About
        rig.Press(KeyCodes.Ok);
        Assert.Equal(new[]
        {
            "About",
            "Firmware " + FirmwarePhone.FirmwareVersion,
            "Board sim-desk-8",
            "IP 127.0.1.1",
            "Ext 201  desk-1",
            "Registered",
            "Back",
        }, Lines(rig));
        rig.Press(KeyCodes.Back);
        Assert.Equal("Settings", Lines(rig)[0]);
    }

    [Fact]
    public void About_gives_the_reason_when_registration_failed()
    {
        var rig = new PhoneRig(registrar: false);
        rig.Wait(32_000);
        rig.Press(KeyCodes.Soft1 + 3);
        for (int i = 0; i < 4; i++) rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Registration failed: no\u2026", Lines(rig)[5]); // as much of the reason as 25 characters hold
    }

    [Fact]
    public void A_power_cut_while_saving_a_menu_change_keeps_the_settings_saved_before()
    {
        var storage = new MemoryStorage();
        var rig = InMenu(storage);
        rig.Press(KeyCodes.Ok); // DND on, saved
        storage.CutPowerDuringNextWrite(5);
        for (int i = 0; i < 3; i++) rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok); // 12-hour clock, torn
        Assert.Equal(1, storage.CutWrites);
        var rebooted = new PhoneRig(storage: storage);
        Assert.True(rebooted.Phone.Dnd);
        Assert.True(rebooted.Phone.Clock24h);
    }

    [Fact]
    public void An_incoming_call_rings_over_the_menu_and_the_phone_is_idle_afterwards()
    {
        var rig = InMenu(farEnd: true);
        var invite = rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(10);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Contains("Incoming call", rig.ScreenText);
        rig.FarEnd.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(10);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void Digits_do_nothing_in_the_menu()
    {
        var rig = InMenu();
        rig.Press(5);
        Assert.Equal(PhoneMode.Settings, rig.Phone.Mode);
        Assert.Equal("", rig.Phone.DialString ?? "");
    }

    private static int PhoneMenuEntry(PhoneRig rig) => rig.Phone.SettingsIndex;
}
