// Redial: the last number dialed, called again by the Redial key or feature, kept across a reboot.
using System.Text;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class RedialTests
{
    private static void DialAndHangUp(PhoneRig rig, string digits)
    {
        rig.LiftHandset();
        foreach (char c in digits) rig.Press(c - '0');
        rig.Press(KeyCodes.Soft1);
        rig.HangUp();
        rig.Wait(3000);
    }

    [Fact]
    public void The_Redial_key_calls_the_last_number_dialed_again()
    {
        var rig = new PhoneRig(farEnd: true);
        DialAndHangUp(rig, "205");
        DialAndHangUp(rig, "207");

        rig.Press(KeyCodes.Redial);

        var invites = rig.FarEnd!.Requests("INVITE").Where(r => r.ToTag == null).ToArray();
        Assert.Equal(3, invites.Length);
        Assert.Equal("sip:207@office.example", invites[2].RequestUriText);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal(AudioRoute.Speaker, rig.Phone.Route);
    }

    [Fact]
    public void The_last_number_survives_a_reboot_in_the_settings_file()
    {
        var storage = new MemoryStorage();
        var rig = new PhoneRig(storage: storage, farEnd: true);
        DialAndHangUp(rig, "2105");
        Assert.Contains("redial=2105\n", Encoding.UTF8.GetString(storage.Read(PhoneSettings.FileName)!));

        var rebooted = new PhoneRig(storage: storage, farEnd: true);
        Assert.Equal("2105", rebooted.Phone.LastDialed);
        rebooted.Press(KeyCodes.Redial);
        Assert.Equal("sip:2105@office.example", rebooted.FarEnd!.LastRequest("INVITE").RequestUriText);
    }

    [Fact]
    public void A_power_cut_while_saving_the_number_keeps_the_previous_one()
    {
        var storage = new MemoryStorage();
        var rig = new PhoneRig(storage: storage, farEnd: true);
        DialAndHangUp(rig, "205");
        storage.CutPowerDuringNextWrite(5);
        DialAndHangUp(rig, "209");
        Assert.Equal(1, storage.CutWrites);

        var rebooted = new PhoneRig(storage: storage, farEnd: true);
        Assert.Equal("205", rebooted.Phone.LastDialed);
    }

    [Fact]
    public void The_redial_feature_key_works_off_hook_while_dialing_too()
    {
        var rig = new PhoneRig(PhoneRig.DefaultConfig.Replace("""{ "kind": "feature", "label": "DND", "feature": "dnd" },""",
            """{ "kind": "feature", "label": "Redial", "feature": "redial" },"""), farEnd: true);
        DialAndHangUp(rig, "208");
        rig.LiftHandset();
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);

        rig.Press(KeyCodes.Line(4));

        Assert.Equal("sip:208@office.example", rig.FarEnd!.LastRequest("INVITE").RequestUriText);
        Assert.Equal(AudioRoute.Handset, rig.Phone.Route);
    }

    [Fact]
    public void With_nothing_dialed_yet_Redial_says_so()
    {
        var rig = new PhoneRig(farEnd: true);
        rig.Press(KeyCodes.Redial);
        Assert.Contains("Nothing to redial", rig.ScreenText);
        Assert.Empty(rig.FarEnd!.Requests("INVITE"));
    }

    [Fact]
    public void Redial_during_a_call_does_not_place_another()
    {
        var rig = CallWaitingTests.InACall();
        rig.Press(KeyCodes.Redial);
        Assert.Single(rig.FarEnd!.Requests("INVITE"));
        Assert.Contains("End the call to redial", rig.Phone.Screen.TextLines());
    }
}
