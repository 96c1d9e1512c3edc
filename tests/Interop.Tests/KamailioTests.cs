using DeskPhone.Softswitch;
// Our Kamailio config against raw SIP from the test: OPTIONS, digest REGISTER, 404, presence and sca hooks.
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

public sealed class KamailioTests
{
    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public void Kamailio_answers_OPTIONS_on_the_chosen_port(string transport)
    {
        using var kamailio = new KamailioProcess().Start();
        using var probe = new SipProbe(kamailio.EndPoint, transport);

        var response = probe.Send("OPTIONS", kamailio.ProxyUri, "sip:tester@elsewhere.example", kamailio.ProxyUri);

        Assert.Equal(200, response.Status);
        Assert.Equal(kamailio.Port, probe.LastResponder!.Port);
        Assert.Contains("DeskPhone softswitch", response.Header("Server") ?? "");
    }

    [Fact]
    public void A_register_without_credentials_is_challenged_with_401()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("REGISTER", $"sip:{kamailio.Domain}", kamailio.Aor("201"), kamailio.Aor("201"));

        Assert.Equal(401, response.Status);
        Assert.Contains($"realm=\"{kamailio.Domain}\"", response.Header("WWW-Authenticate") ?? "");
    }

    [Fact]
    public void A_register_with_the_right_password_is_accepted_and_the_contact_bound()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("REGISTER", $"sip:{kamailio.Domain}", kamailio.Aor("201"), kamailio.Aor("201"),
            "201", "reception-secret", new[] { "Expires: 60" });

        Assert.Equal(200, response.Status);
        Assert.Contains($"127.0.0.1:{probe.LocalPort}", response.Header("Contact") ?? "");
    }

    [Fact]
    public void A_wrong_password_is_refused_with_403_or_401()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var raw = probe.Send("REGISTER", $"sip:{kamailio.Domain}", kamailio.Aor("201"), kamailio.Aor("201"),
            "201", "not-the-password");
        using var phone = new BaresipProcess(kamailio, "201", "not-the-password").Start();
        var registration = phone.Register();

        Assert.Contains(raw.Status, new[] { 403, 401 });
        Assert.Equal("REGISTER_FAIL", registration.Type);
        Assert.Matches("^(403|401) ", registration.Param ?? "");
    }

    [Fact]
    public void An_unknown_user_gets_404()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        // From another domain, so no credentials are asked for: straight to the location lookup.
        var response = probe.Send("INVITE", kamailio.Aor("999"), "sip:caller@elsewhere.example", kamailio.Aor("999"));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public void A_known_user_who_is_not_registered_gets_480()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("202", "bob-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("INVITE", kamailio.Aor("202"), "sip:caller@elsewhere.example", kamailio.Aor("202"));

        Assert.Equal(480, response.Status);
    }

    [Fact]
    public void A_request_with_Max_Forwards_zero_gets_483()
    {
        using var kamailio = new KamailioProcess().Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("OPTIONS", kamailio.Aor("201"), "sip:caller@elsewhere.example", kamailio.Aor("201"),
            extraHeaders: new[] { "Max-Forwards: 0" });

        Assert.Equal(483, response.Status);
    }

    [Fact]
    public void Relaying_to_a_foreign_domain_for_a_stranger_is_refused_with_403()
    {
        using var kamailio = new KamailioProcess().Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("INVITE", "sip:someone@elsewhere.example", "sip:caller@stranger.example", "sip:someone@elsewhere.example");

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public void A_dialog_subscription_is_accepted_by_the_presence_server()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("SUBSCRIBE", kamailio.Aor("202"), kamailio.Aor("201"), kamailio.Aor("202"),
            "201", "reception-secret", new[] { "Event: dialog", "Accept: application/dialog-info+xml", "Expires: 60" });

        Assert.InRange(response.Status, 200, 202);
        Assert.NotNull(response.Header("Expires"));
    }

    [Fact]
    public void A_call_info_subscription_is_accepted_by_sca()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("203", "ann-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("SUBSCRIBE", kamailio.Aor("203"), kamailio.Aor("203"), kamailio.Aor("203"),
            "203", "ann-secret", new[] { "Event: call-info", "Expires: 60" });

        Assert.InRange(response.Status, 200, 202);
    }
}
