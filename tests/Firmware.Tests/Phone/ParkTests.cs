// Park: a blind REFER to a park slot's URI after the hold's 200; a park-slot key calls the slot to take the call back.
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class ParkTests
{
    /// <summary>Two line keys, two park slots (keys 5 and 6) and a Park feature key (7).</summary>
    public const string ParkConfig = """
    {
      "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                      "registrar": "sip:127.0.0.1:5060" } ],
      "keys": [
        { "kind": "line", "label": "Line 1", "account": "main" },
        { "kind": "line", "label": "Line 2", "account": "main" },
        { "kind": "blf", "label": "Bob Stone", "target": "sip:202@office.example" },
        { "kind": "feature", "label": "DND", "feature": "dnd" },
        { "kind": "park", "label": "Park 701", "target": "sip:701@office.example" },
        { "kind": "park", "label": "Park 702", "target": "sip:702@office.example" },
        { "kind": "feature", "label": "Park", "feature": "park" }
      ],
      "display": { "clock24h": true }
    }
    """;

    private static string FirstCallId(PhoneRig rig) => rig.FarEnd!.Requests("INVITE").First(r => r.ToTag == null).CallId!;

    private static void Notify(PhoneRig rig, string callId, long cseq, string frag)
    {
        var n = rig.FarEnd!.InDialog("NOTIFY", callId, cseq, frag, "message/sipfrag;version=2.0");
        n.AddHeader("Event", "refer");
        n.AddHeader("Subscription-State", "terminated;reason=noresource");
        rig.FarEnd.Send(n);
        rig.Wait(5);
    }

    [Fact]
    public void The_Park_key_holds_the_call_then_refers_it_to_the_first_slot_and_the_call_ends_parked_on_701()
    {
        var rig = CallWaitingTests.InACall(ParkConfig);
        string first = FirstCallId(rig);
        var far = rig.FarEnd!;
        far.Silent = true;

        rig.Press(KeyCodes.Line(7)); // the Park feature key

        var hold = Assert.Single(far.Requests("INVITE"), r => r.ToTag != null);
        Assert.Contains("a=sendonly", hold.BodyText);
        Assert.Empty(far.Requests("REFER")); // not before the hold's 200
        Assert.StartsWith("Parking", rig.Phone.Screen.TextLines()[0]);

        far.Silent = false;
        far.Respond(hold, 200, CallWaitingTests.HoldAnswer);
        rig.Wait(5);
        var refer = Assert.Single(far.Requests("REFER"));
        Assert.Equal(first, refer.CallId);
        Assert.Equal("<sip:701@office.example>", refer.GetHeader("Refer-To"));

        Notify(rig, first, 100, "SIP/2.0 200 OK\r\n");

        Assert.Single(far.Requests("BYE"), b => b.CallId == first);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Parked on 701", rig.ScreenText);
        Assert.Equal("off", rig.Lamp(1));
        rig.NoLoopFailures();
    }

    [Fact]
    public void Pressing_a_park_slot_key_during_a_call_parks_it_on_that_slot()
    {
        var rig = CallWaitingTests.InACall(ParkConfig);
        rig.Press(KeyCodes.Line(6));
        Assert.Equal("<sip:702@office.example>", Assert.Single(rig.FarEnd!.Requests("REFER")).GetHeader("Refer-To"));
        Notify(rig, FirstCallId(rig), 100, "SIP/2.0 200 OK\r\n");
        Assert.Contains("Parked on 702", rig.ScreenText);
    }

    [Fact]
    public void The_Park_softkey_and_the_Park_hardware_key_park_too()
    {
        var rig = CallWaitingTests.InACall(ParkConfig);
        Assert.Equal("Hold | Xfer | Park | End", rig.Phone.Screen.TextLines()[^1]);
        rig.Press(KeyCodes.Soft1 + 2);
        Assert.Single(rig.FarEnd!.Requests("REFER"));

        var other = CallWaitingTests.InACall(ParkConfig);
        other.Press(KeyCodes.Park);
        Assert.Single(other.FarEnd!.Requests("REFER"));
    }

    [Fact]
    public void A_refused_park_says_so_and_the_call_stays_on_hold()
    {
        var rig = CallWaitingTests.InACall(ParkConfig);
        rig.Press(KeyCodes.Park);
        Notify(rig, FirstCallId(rig), 100, "SIP/2.0 404 Not Found\r\n");

        Assert.Empty(rig.FarEnd!.Requests("BYE"));
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Contains("Park failed (404)", rig.Phone.Screen.TextLines());
        Assert.Equal("green slow-flash", rig.Lamp(1));
    }

    [Fact]
    public void Without_a_park_slot_the_Park_key_says_so_and_nothing_is_sent()
    {
        var rig = CallWaitingTests.InACall();
        rig.Press(KeyCodes.Park);
        Assert.Empty(rig.FarEnd!.Requests("REFER"));
        Assert.Empty(rig.FarEnd.Requests("INVITE").Where(r => r.ToTag != null));
        Assert.Contains("Park: no park slot set up", rig.Phone.Screen.TextLines());
    }

    [Fact]
    public void Pressing_a_park_slot_key_when_idle_calls_the_slot_to_take_the_parked_call_back()
    {
        var rig = new PhoneRig(ParkConfig, farEnd: true);
        rig.Press(KeyCodes.Line(5));
        var invite = rig.FarEnd!.LastRequest("INVITE");
        Assert.Equal("sip:701@office.example", invite.RequestUriText);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Equal("", rig.Phone.LastDialed); // retrieving a call is not a number to redial
    }

    [Fact]
    public void Park_outside_a_call_needs_a_call()
    {
        var rig = new PhoneRig(ParkConfig, farEnd: true);
        rig.Press(KeyCodes.Park);
        Assert.Contains("park: needs a call", rig.ScreenText);
        rig.Press(KeyCodes.Line(7));
        Assert.Contains("park: needs a call", rig.ScreenText);
    }
}
