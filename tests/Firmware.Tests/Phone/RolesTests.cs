// Roles on the phone: restricted mode dials only emergency and internal numbers; the admin PIN guards the settings.
using DeskPhone.Firmware.Crypto;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class RolesTests
{
    private const string Restricted = """{ "restricted": true, "emergency": ["112", "999"], "internal": ["2XX"] }""";

    private static string PinRoles(string pin, bool restricted = false) =>
        "{ \"adminPinSha256\": \"" + Sha256.ComputeHex("desk-1:" + pin) + "\", \"restricted\": " + (restricted ? "true" : "false") + ", \"internal\": [\"2XX\"] }";

    /// <summary>The rig's phone with an outside speed-dial key and a Redial number, and <paramref name="roles"/>.</summary>
    private static string Config(string roles) => """
        {
          "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                          "registrar": "sip:127.0.0.1:5060" } ],
          "keys": [
            { "kind": "line", "label": "Line 1", "account": "main" },
            { "kind": "speeddial", "label": "Supplier", "target": "sip:004930123456@office.example" },
            { "kind": "speeddial", "label": "Lobby", "target": "sip:210@office.example" },
            { "kind": "feature", "label": "DND", "feature": "dnd" }
          ],
          "display": { "clock24h": true },
          "roles":
        """ + roles + "\n}";

    private static PhoneRig Registered(string roles)
    {
        var rig = new PhoneRig(Config(roles), farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return rig;
    }

    private static void Dial(PhoneRig rig, string digits)
    {
        rig.LiftHandset();
        foreach (char d in digits) rig.Press(d - '0');
        rig.Press(KeyCodes.Soft1);
    }

    private static int Invites(PhoneRig rig) => rig.FarEnd!.Requests("INVITE").Count();

    [Fact]
    public void A_restricted_phone_refuses_an_outside_number_without_sending_anything()
    {
        var rig = Registered(Restricted);
        Dial(rig, "004930123456");
        Assert.Equal(0, Invites(rig));
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Equal(Firmware.Phone.Phone.RestrictedText, rig.Phone.Message);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_restricted_phone_calls_internal_numbers()
    {
        var rig = Registered(Restricted);
        Dial(rig, "203");
        Assert.Equal(1, Invites(rig));
        Assert.NotEqual(PhoneMode.Dialing, rig.Phone.Mode);
    }

    [Fact]
    public void A_restricted_phone_calls_the_emergency_numbers()
    {
        var rig = Registered(Restricted);
        Dial(rig, "999");
        Assert.Equal(1, Invites(rig));
        Assert.StartsWith("sip:999@", rig.FarEnd!.LastRequest("INVITE").RequestUriText);
    }

    [Fact]
    public void Speed_dial_keys_to_outside_numbers_are_refused_and_internal_ones_work()
    {
        var rig = Registered(Restricted);
        rig.Press(KeyCodes.LineBase + 2); // Supplier
        Assert.Equal(0, Invites(rig));
        Assert.Equal(Firmware.Phone.Phone.RestrictedText, rig.Phone.Message);
        rig.Press(KeyCodes.LineBase + 3); // Lobby, 210
        Assert.Equal(1, Invites(rig));
    }

    [Fact]
    public void Redial_of_an_outside_number_is_refused_on_a_restricted_phone()
    {
        var storage = new DeskPhone.Hal.Simulated.Storage.MemoryStorage();
        var free = new PhoneRig(Config("{}"), storage: storage, farEnd: true);
        Dial(free, "004930123456");
        free.HangUp();
        Assert.Equal("004930123456", free.Phone.LastDialed);
        var rig = new PhoneRig(Config(Restricted), storage: storage, farEnd: true);
        rig.Press(KeyCodes.Redial);
        Assert.Equal(0, Invites(rig));
        Assert.Equal(Firmware.Phone.Phone.RestrictedText, rig.Phone.Message);
    }

    [Theory]
    [InlineData("203", true)]
    [InlineData("sip:299@office.example", true)]
    [InlineData("sip:203@127.0.0.1:5060", true)]
    [InlineData("<sip:203@office.example;user=phone>", true)]
    [InlineData("tel:112", true)]
    [InlineData("sip:112@elsewhere.example", false)]
    [InlineData("sip:203@elsewhere.example", false)]
    [InlineData("2030", false)]
    [InlineData("tel:+49-30-123456", false)]
    [InlineData("callto:0044207", false)]
    [InlineData("", false)]
    public void MayDial_says_what_a_restricted_phone_may_call(string target, bool allowed)
    {
        var rig = Registered(Restricted);
        Assert.Equal(allowed, rig.Phone.MayDial(target, out var reason));
        Assert.Equal(allowed, reason == null);
    }

    [Fact]
    public void An_unrestricted_phone_may_dial_anything()
    {
        var rig = Registered("{}");
        Assert.True(rig.Phone.MayDial("tel:+49-30-123456", out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void The_settings_ask_for_the_admin_PIN_shown_as_stars_and_open_with_the_right_one()
    {
        var rig = Registered(PinRoles("4711"));
        rig.Press(KeyCodes.Soft1 + 3); // Menu
        Assert.True(rig.Phone.PinPrompt);
        Assert.Equal("Settings locked", rig.Phone.Screen.TextLines()[0]);
        foreach (char d in "4711") rig.Press(d - '0');
        Assert.Contains("****", rig.Phone.Screen.TextLines());
        Assert.DoesNotContain(rig.Phone.Screen.TextLines(), l => l.Contains("4711"));
        rig.Press(KeyCodes.Ok);
        Assert.False(rig.Phone.PinPrompt);
        Assert.Equal("Settings", rig.Phone.Screen.TextLines()[0]);
        rig.Press(KeyCodes.Ok); // Do not disturb
        Assert.True(rig.Phone.Dnd);
    }

    [Fact]
    public void Three_wrong_PINs_lock_PIN_entry_for_a_minute()
    {
        var rig = Registered(PinRoles("4711"));
        rig.Press(KeyCodes.Soft1 + 3);
        for (int i = 0; i < 3; i++)
        {
            foreach (char d in "1234") rig.Press(d - '0');
            rig.Press(KeyCodes.Ok);
        }
        Assert.True(rig.Phone.PinLocked);
        Assert.StartsWith("PIN locked: try in", rig.Phone.Message);
        foreach (char d in "4711") rig.Press(d - '0');
        rig.Press(KeyCodes.Ok);
        Assert.True(rig.Phone.PinPrompt); // even the right PIN waits
        rig.Wait(Firmware.Phone.Phone.PinLockMs);
        Assert.False(rig.Phone.PinLocked);
        foreach (char d in "4711") rig.Press(d - '0');
        rig.Press(KeyCodes.Ok);
        Assert.False(rig.Phone.PinPrompt);
        Assert.Equal(PhoneMode.Settings, rig.Phone.Mode);
    }

    [Fact]
    public void A_wrong_PIN_says_so_and_the_menu_stays_locked()
    {
        var rig = Registered(PinRoles("4711"));
        rig.Press(KeyCodes.Soft1 + 3);
        foreach (char d in "1111") rig.Press(d - '0');
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Wrong PIN", rig.Phone.Message);
        Assert.True(rig.Phone.PinPrompt);
        rig.Press(KeyCodes.Soft1 + 3); // Back
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void A_restricted_phone_without_a_PIN_keeps_its_settings_locked_but_shows_the_about_page_and_DND_and_volume_keys_work()
    {
        var rig = Registered(Restricted);
        rig.Press(KeyCodes.Soft1 + 3);
        Assert.True(rig.Phone.PinPrompt);
        Assert.Contains("Restricted", rig.Phone.Screen.TextLines());
        foreach (char d in "0000") rig.Press(d - '0');
        rig.Press(KeyCodes.Ok);
        Assert.True(rig.Phone.PinPrompt); // no PIN opens it
        Assert.False(rig.Phone.Dnd);
        rig.Press(KeyCodes.Soft1 + 1); // About
        Assert.Equal("About", rig.Phone.Screen.TextLines()[0]);
        rig.Press(KeyCodes.Back);
        Assert.True(rig.Phone.PinPrompt);
        rig.Press(KeyCodes.Soft1 + 3);
        int volume = rig.Phone.Volume;
        rig.Press(KeyCodes.VolumeUp);
        Assert.Equal(volume + 1, rig.Phone.Volume);
        rig.Press(KeyCodes.Dnd);
        Assert.True(rig.Phone.Dnd);
    }

    [Fact]
    public void The_admin_PIN_unlocks_the_settings_of_a_restricted_phone_but_not_its_dialing()
    {
        var rig = Registered(PinRoles("4711", restricted: true));
        rig.Press(KeyCodes.Soft1 + 3);
        foreach (char d in "4711") rig.Press(d - '0');
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Settings", rig.Phone.Screen.TextLines()[0]);
        Assert.False(rig.Phone.MayDial("004930123456", out _));
    }

    [Fact]
    public void A_restricted_phone_still_answers_calls()
    {
        var rig = Registered(Restricted);
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "in-1");
        rig.Wait(500);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        rig.LiftHandset();
        Assert.Contains(rig.FarEnd.Responses("INVITE"), m => m.StatusCode == 200);
    }

    [Theory]
    [InlineData(KeyCodes.Soft1)]     // Blind
    [InlineData(KeyCodes.Soft1 + 1)] // Call: the consultation
    public void A_restricted_phone_does_not_transfer_a_call_to_an_outside_number(int how)
    {
        var rig = CallWaitingTests.InACall(Config(Restricted));
        rig.Press(KeyCodes.Transfer);
        foreach (char d in "004930123456") rig.Press(d - '0');
        rig.Press(how);
        Assert.Empty(rig.FarEnd!.Requests("REFER"));
        Assert.Equal(1, Invites(rig) - rig.FarEnd.Requests("INVITE").Count(r => r.ToTag != null)); // only the first call's INVITE, no consultation
        Assert.Equal(Firmware.Phone.Phone.RestrictedText, rig.Phone.Message);
    }
}
