using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallManagerTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private sealed class Handler(Action<ServerTransaction, SipMessage> act) : IRequestHandler
    {
        public void RequestReceived(ServerTransaction transaction, SipMessage request) => act(transaction, request);
    }

    private SipMessage StrayNotify()
    {
        var n = Far.InDialog("NOTIFY", _rig.Dial().CallId, 100, "x", "text/plain");
        n.SetHeader("Call-ID", "blf-subscription-1");
        n.AddHeader("Event", "dialog");
        n.AddHeader("Subscription-State", "active");
        return n;
    }

    [Fact]
    public void A_NOTIFY_of_no_call_goes_to_the_other_handler()
    {
        var seen = new List<string>();
        _rig.Calls.OtherNotifyHandler = new Handler((tx, r) => { seen.Add(r.CallId!); tx.Respond(200); });
        Far.Send(StrayNotify());
        _rig.Wait(0);
        Assert.Equal(new[] { "blf-subscription-1" }, seen);
        Assert.Equal(200, Far.Responses("NOTIFY").Single().StatusCode);
    }

    [Fact]
    public void A_fallback_that_hands_the_NOTIFY_back_gets_481_instead_of_a_loop()
    {
        _rig.Calls.OtherNotifyHandler = new Handler((tx, r) => _rig.Calls.RequestReceived(tx, r));
        Far.Send(StrayNotify());
        _rig.Wait(0);
        Assert.Equal(481, Far.Responses("NOTIFY").Single().StatusCode);
    }

    [Fact]
    public void A_second_call_while_busy_gets_486_when_the_listener_says_so()
    {
        var first = _rig.Dial();
        _rig.Decision = CallDecision.Busy; // the phone app's policy: busy and call waiting off
        Far.Invite();
        _rig.Wait(0);
        Assert.Equal(486, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(CallState.Connected, first.State);
        Assert.Equal(1, _rig.Calls.Count);
    }

    [Fact]
    public void An_INFO_in_a_call_is_answered_200()
    {
        var call = _rig.Dial();
        Far.Send(Far.InDialog("INFO", call.CallId, 100)); // bodies: CallInfoTests (DTMF 200/400, others 415)
        _rig.Wait(0);
        Assert.Equal(200, Far.Responses("INFO").Single().StatusCode);
    }
}
