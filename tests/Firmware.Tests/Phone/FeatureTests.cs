using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class FeatureTests
{
    [Fact]
    public void The_DND_key_lights_its_lamp_red_and_says_DND_on_the_idle_screen()
    {
        var rig = new PhoneRig();
        rig.Press(KeyCodes.Line(4));
        Assert.True(rig.Phone.Dnd);
        Assert.Equal("red steady", rig.Lamp(4));
        Assert.StartsWith("DND  201", rig.Phone.Screen.TextLines()[1]);
        rig.Press(KeyCodes.Soft1);
        Assert.False(rig.Phone.Dnd);
        Assert.Equal("off", rig.Lamp(4));
    }

    [Fact]
    public void DND_survives_a_reboot()
    {
        var storage = new MemoryStorage();
        var rig = new PhoneRig(storage: storage);
        rig.Press(KeyCodes.Dnd);
        var rebooted = new PhoneRig(storage: storage);
        Assert.True(rebooted.Phone.Dnd);
        Assert.Equal("red steady", rebooted.Lamp(4));
    }

    [Fact]
    public void A_power_cut_while_saving_keeps_the_settings_saved_before()
    {
        var storage = new MemoryStorage();
        var rig = new PhoneRig(storage: storage);
        rig.Press(KeyCodes.Dnd); // saved: DND on
        storage.CutPowerDuringNextWrite(3);
        rig.Press(KeyCodes.Dnd); // DND off, but the write is torn
        Assert.Equal(1, storage.CutWrites);
        var rebooted = new PhoneRig(storage: storage);
        Assert.True(rebooted.Phone.Dnd);
        Assert.Contains(rig.Log.Lines(), l => l.Message.Contains("could not save settings"));
    }

    [Fact]
    public void Holding_volume_up_repeats_until_the_top()
    {
        var rig = new PhoneRig();
        Assert.Equal(5, rig.Phone.Volume);
        rig.Press(KeyCodes.VolumeUp, holdMs: 1200);
        Assert.Equal(10, rig.Phone.Volume);
        Assert.Equal(10, rig.Audio.Volume);
        Assert.Contains("Volume 10/10", rig.ScreenText);
    }

    [Fact]
    public void A_long_press_on_a_line_key_shows_what_the_key_is()
    {
        var rig = new PhoneRig();
        rig.Press(KeyCodes.Line(3), holdMs: 1200);
        Assert.Equal(PhoneMode.KeyInfo, rig.Phone.Mode);
        Assert.Contains("Key 3: BLF", rig.ScreenText);
        Assert.Contains("sip:202@office.example", rig.ScreenText);
        rig.Press(KeyCodes.Back);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void An_unassigned_line_key_says_so()
    {
        var rig = new PhoneRig();
        rig.Press(KeyCodes.Line(7));
        Assert.Contains("Key 7 is not assigned", rig.ScreenText);
    }

    [Fact]
    public void A_BLF_key_cannot_call_before_the_phone_is_registered()
    {
        var rig = new PhoneRig(registrar: false);
        rig.Press(KeyCodes.Line(3));
        Assert.Contains("No calls: not registered", rig.ScreenText);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void The_registration_state_the_SIP_layer_reports_shows_on_the_idle_screen()
    {
        var rig = new PhoneRig(registrar: false);
        rig.Loop.Post(() => rig.Phone.SetRegistration(RegistrationState.Registered));
        rig.Wait(1);
        Assert.Equal("201  Registered", rig.Phone.Screen.TextLines()[1]);
    }
}
