using DeskPhone.Softswitch;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

/// <summary>The firmware's own SIP stack against a real Kamailio.</summary>
public class PhoneRegistrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public void The_phone_registers_with_kamailio_using_digest_auth(string transport)
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var phone = new LiveSipStack();
        phone.Register(LiveSipStack.Account(kamailio, "201", "reception-secret", transport));
        Assert.True(phone.WaitFor(() => phone.Registration!.Status == RegistrationStatus.Registered, Patience), phone.Trace());
        Assert.Equal(300, phone.Do(() => phone.Registration!.GrantedExpires));
    }

    [Fact]
    public void A_wrong_password_leaves_the_phone_failed_with_the_reason()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var phone = new LiveSipStack();
        phone.Register(LiveSipStack.Account(kamailio, "201", "not-the-password"));
        Assert.True(phone.WaitFor(() => phone.Registration!.Status == RegistrationStatus.Failed, Patience), phone.Trace());
        string reason = phone.Do(() => phone.Registration!.FailureReason!);
        Assert.True(reason.Contains("403") || reason.Contains("wrong password"), reason);
    }

    [Fact]
    public void Once_registered_the_phone_is_reachable_through_kamailio_and_answers_OPTIONS()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("299", "probe-secret").Start();
        using var phone = new LiveSipStack();
        phone.Register(LiveSipStack.Account(kamailio, "201", "reception-secret"));
        Assert.True(phone.WaitFor(() => phone.Registration!.Status == RegistrationStatus.Registered, Patience), phone.Trace());
        using var probe = new SipProbe(kamailio.EndPoint);
        var answer = probe.Send("OPTIONS", kamailio.Aor("201"), kamailio.Aor("299"), kamailio.Aor("201"), "299", "probe-secret");
        Assert.Equal(200, answer.Status);
        Assert.Contains("INVITE", answer.Header("Allow"));
    }

    [Fact]
    public void Unregistering_removes_the_binding_so_the_user_is_no_longer_reachable()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("299", "probe-secret").Start();
        using var phone = new LiveSipStack();
        phone.Register(LiveSipStack.Account(kamailio, "201", "reception-secret"));
        Assert.True(phone.WaitFor(() => phone.Registration!.Status == RegistrationStatus.Registered, Patience), phone.Trace());
        phone.Do(() => { phone.Registration!.Stop(); return 0; });
        Assert.True(phone.WaitFor(() => phone.Registration!.Status == RegistrationStatus.Unregistered, Patience), phone.Trace());
        using var probe = new SipProbe(kamailio.EndPoint);
        var answer = probe.Send("OPTIONS", kamailio.Aor("201"), kamailio.Aor("299"), kamailio.Aor("201"), "299", "probe-secret");
        Assert.Equal(480, answer.Status);
    }
}
