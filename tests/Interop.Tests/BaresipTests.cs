using DeskPhone.Softswitch;
// Real far ends: two baresip user agents registering and calling each other through our Kamailio.
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

public sealed class BaresipTests
{
    [Fact]
    public void Baresip_registers_with_kamailio_using_digest_auth()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var phone = new BaresipProcess(kamailio, "201", "reception-secret").Start();

        var registration = phone.Register();

        Assert.Equal("REGISTER_OK", registration.Type);
        Assert.Equal("200 OK", registration.Param);
        // It was challenged first and answered with credentials: both are in baresip's SIP trace.
        Assert.True(phone.WaitForLog("SIP/2.0 401 Unauthorized"), "no 401 challenge in " + phone.LogPath);
        Assert.True(phone.WaitForLog("Authorization: Digest"), "no digest credentials in " + phone.LogPath);
    }

    [Theory]
    [InlineData("caller")]
    [InlineData("callee")]
    public void One_baresip_calls_another_through_kamailio_and_either_side_hangs_up(string hangingUp)
    {
        using var kamailio = new KamailioProcess()
            .AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
        using var caller = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        using var callee = new BaresipProcess(kamailio, "202", "bob-secret").Start();
        Assert.Equal("REGISTER_OK", caller.Register().Type);
        Assert.Equal("REGISTER_OK", callee.Register().Type);

        caller.Dial(callee.Aor);
        var incoming = callee.WaitForEvent("CALL_INCOMING");
        caller.WaitForEvent("CALL_RINGING");
        callee.Answer();
        caller.WaitForEvent("CALL_ESTABLISHED");
        callee.WaitForEvent("CALL_ESTABLISHED");
        (hangingUp == "caller" ? caller : callee).Hangup();
        var callerClosed = caller.WaitForEvent("CALL_CLOSED");
        var calleeClosed = callee.WaitForEvent("CALL_CLOSED");

        Assert.Equal(caller.Aor, incoming.PeerUri);
        var (ender, other) = hangingUp == "caller" ? (callerClosed, calleeClosed) : (calleeClosed, callerClosed);
        Assert.Equal("Connection reset by user", ender.Param);
        Assert.Equal("Connection reset by peer", other.Param); // the BYE crossed Kamailio
    }

    [Fact]
    public void A_registered_caller_dialing_an_unknown_user_hears_404()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var phone = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        Assert.Equal("REGISTER_OK", phone.Register().Type);

        phone.Dial(kamailio.Aor("999"));
        var closed = phone.WaitForEvent("CALL_CLOSED");

        Assert.StartsWith("404", closed.Param);
    }
}
