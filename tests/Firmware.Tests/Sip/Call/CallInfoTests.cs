using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallInfoTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private SipMessage InfoFromFar(SipCall call, string? body, string type = "application/dtmf-relay", long cseq = 100)
    {
        Far.Send(Far.InDialog("INFO", call.CallId, cseq, body, type));
        _rig.Wait(0);
        return Far.Responses("INFO").Last();
    }

    [Fact]
    public void A_digit_goes_out_as_an_INFO_in_the_dialog_with_a_dtmf_relay_body()
    {
        var call = _rig.Dial();
        Assert.True(_rig.Run(() => call.SendDtmfInfo('5', 160)));
        var info = Far.LastRequest("INFO");
        Assert.Equal("sip:bob@127.0.1.100:5060", info.RequestUriText);
        Assert.Equal("2 INFO", info.GetHeader("CSeq"));
        Assert.Equal(call.LocalTag, info.FromTag);
        Assert.Equal("far1", info.ToTag);
        Assert.Equal(call.CallId, info.CallId);
        Assert.Equal("application/dtmf-relay", info.ContentMediaType);
        Assert.Equal("Signal=5\r\nDuration=160\r\n", info.BodyText);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void Digits_wait_for_the_answer_to_the_INFO_before_them()
    {
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => { call.SendDtmfInfo('1', 100); call.SendDtmfInfo('#', 100); call.SendDtmfInfo('A', 100); });
        Assert.Single(Far.Requests("INFO"));
        Assert.Equal(2, call.DtmfInfoPending);
        Far.Silent = false;
        Far.Respond(Far.LastRequest("INFO"), 200);
        _rig.Wait(0);   // the next INFO is answered by the far end at once, and so on
        var infos = Far.Requests("INFO").ToList();
        Assert.Equal(new[] { "Signal=1\r\nDuration=100\r\n", "Signal=#\r\nDuration=100\r\n", "Signal=A\r\nDuration=100\r\n" }, infos.Select(i => i.BodyText));
        Assert.Equal(new long[] { 2, 3, 4 }, infos.Select(i => i.CSeqNumber));
        Assert.Equal(0, call.DtmfInfoPending);
    }

    [Fact]
    public void A_refused_INFO_does_not_hold_up_the_digits_after_it_nor_end_the_call()
    {
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => { call.SendDtmfInfo('1', 100); call.SendDtmfInfo('2', 100); });
        Far.Respond(Far.LastRequest("INFO"), 415);
        _rig.Wait(0);
        Assert.Equal(2, Far.Requests("INFO").Count());
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void An_INFO_that_times_out_lets_the_next_digit_go()
    {
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => { call.SendDtmfInfo('1', 100); call.SendDtmfInfo('2', 100); });
        _rig.Wait(32_000);  // Timer F
        Assert.Equal("Signal=2\r\nDuration=100\r\n", Far.Requests("INFO").Last(i => i.CSeqNumber == 3).BodyText);
    }

    [Fact]
    public void No_INFO_is_sent_before_the_call_is_connected()
    {
        Far.InviteAnswers = new[] { 180 };
        var ringing = _rig.Dial();
        Assert.Equal(CallState.Early, ringing.State);
        Assert.False(_rig.Run(() => ringing.SendDtmfInfo('1', 100)));
        Assert.Empty(Far.Requests("INFO"));
    }

    [Fact]
    public void No_INFO_is_sent_for_a_key_that_is_not_a_DTMF_digit()
    {
        var call = _rig.Dial();
        Assert.False(_rig.Run(() => call.SendDtmfInfo('x', 100)));
        Assert.Empty(Far.Requests("INFO"));
    }

    [Fact]
    public void A_dtmf_relay_INFO_from_the_far_end_is_answered_200_and_its_digit_reported()
    {
        var call = _rig.Dial();
        var response = InfoFromFar(call, "Signal=5\r\nDuration=160\r\n");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("1 dtmf 5", _rig.Events.Last());
    }

    [Fact]
    public void An_application_dtmf_INFO_with_one_digit_is_reported_too()
    {
        var call = _rig.Dial();
        Assert.Equal(200, InfoFromFar(call, "#", "application/dtmf").StatusCode);
        Assert.Equal("1 dtmf #", _rig.Events.Last());
    }

    [Fact]
    public void Digits_in_INFO_reach_the_listener_on_an_incoming_call_as_well()
    {
        _rig.Decision = CallDecision.Answer;
        Far.Invite();
        _rig.Wait(0);
        var call = Assert.Single(_rig.Incoming);
        Assert.Equal(200, InfoFromFar(call, "Signal=*\r\nDuration=100\r\n").StatusCode);
        Assert.Equal("1 dtmf *", _rig.Events.Last());
    }

    [Theory]
    [InlineData("Signal=X\r\nDuration=160\r\n", "Bad Signal")]
    [InlineData("Duration=160\r\n", "Missing Signal")]
    [InlineData("Signal=1\r\nDuration=soon\r\n", "Bad Duration")]
    public void A_malformed_dtmf_relay_body_is_answered_400_with_the_reason(string body, string reason)
    {
        var call = _rig.Dial();
        var response = InfoFromFar(call, body);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
        Assert.DoesNotContain(_rig.Events, e => e.Contains("dtmf"));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void An_INFO_with_another_body_type_is_answered_415_with_the_types_we_take()
    {
        var call = _rig.Dial();
        var response = InfoFromFar(call, "Signal=5\r\n", "text/plain");
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/dtmf-relay, application/dtmf", response.GetHeader("Accept"));
        Assert.DoesNotContain(_rig.Events, e => e.Contains("dtmf"));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void An_INFO_with_a_body_type_the_phone_never_takes_is_refused_415_and_the_call_goes_on()
    {
        var call = _rig.Dial();
        var response = InfoFromFar(call, "<media_control/>", "application/media_control+xml");
        Assert.Equal(415, response.StatusCode);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void An_INFO_without_a_body_is_answered_200_as_a_keep_alive()
    {
        var call = _rig.Dial();
        Assert.Equal(200, InfoFromFar(call, null).StatusCode);
        Assert.DoesNotContain(_rig.Events, e => e.Contains("dtmf"));
    }

    [Fact]
    public void A_hook_flash_in_INFO_is_answered_200_but_reports_no_digit()
    {
        var call = _rig.Dial();
        Assert.Equal(200, InfoFromFar(call, "Signal=16\r\nDuration=500\r\n").StatusCode);
        Assert.DoesNotContain(_rig.Events, e => e.Contains("dtmf"));
    }
}
