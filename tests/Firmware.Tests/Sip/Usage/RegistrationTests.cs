using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Sip.Usage;

public class RegistrationTests : IRegistrationListener
{
    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;
    private readonly InMemoryNetwork _wire;
    private readonly EventLoop _loop;
    private readonly List<string> _changes = new();
    private SipStack _stack = null!;
    private Registration _reg = null!;

    public RegistrationTests()
    {
        _driver = new VirtualTimeDriver(_clock);
        _wire = new InMemoryNetwork(_clock);
        _loop = new EventLoop(_clock, new SimLog(_clock));
        _driver.AddPump(_loop.RunPending);
    }

    public void RegistrationChanged(Registration r) => _changes.Add($"{_clock.NowMs / 1000}s {Registration.StatusName(r.Status)}" + (r.FailureReason == null ? "" : $" ({r.FailureReason})"));

    private FakeRegistrar Start(string extraAccount = "", string password = "secret", bool noUdp = false)
    {
        var registrar = new FakeRegistrar(_wire, "127.0.1.100");
        string config = """
        { "device": { "id": "d", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "password": "PASSWORD",
                          "registrar": "sip:127.0.1.100:5060", "expires": 600 EXTRA } ] }
        """.Replace("PASSWORD", password).Replace("EXTRA", extraAccount);
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out var errors), errors?.ToString());
        _stack = new SipStack(_loop, _wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        _reg = new Registration(_stack, parsed.DefaultAccount, this);
        _loop.Post(() => { Assert.True(_stack.Start()); if (noUdp) _stack.Transport.Stop(); _reg.Start(); });
        _driver.Advance(10);
        return registrar;
    }

    [Fact]
    public void A_REGISTER_the_transport_refuses_at_once_fails_with_cannot_reach_and_is_retried_later()
    {
        var registrar = Start(noUdp: true); // no UDP port: the send fails inside SendRequest

        Assert.Equal(RegistrationStatus.Failed, _reg.Status);
        Assert.StartsWith("cannot reach ", _reg.FailureReason);
        Assert.Contains("127.0.1.100:5060", _reg.FailureReason);
        Assert.Empty(registrar.Requests);
        Assert.Equal(0, _loop.Failures);
    }

    [Fact]
    public void A_display_name_with_quotes_goes_out_escaped_in_a_From_that_parses_back()
    {
        var registrar = Start(extraAccount: """, "displayName": "Front \"Desk\" 1" """);

        var from = registrar.Requests[0].GetHeader("From")!;
        Assert.StartsWith("\"Front \\\"Desk\\\" 1\" <sip:201@office.example>;tag=", from);
        Assert.Equal("Front \"Desk\" 1", DeskPhone.Firmware.Sip.Message.SipNameAddr.Parse(from)!.DisplayName);
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
    }

    [Fact]
    public void The_phone_registers_by_answering_the_digest_challenge()
    {
        var registrar = Start();
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
        Assert.Equal(new[] { 401, 200 }, registrar.Answers);
        Assert.Equal(new[] { "0s registering", "0s registered" }, _changes);
        var first = registrar.Requests[0];
        Assert.Equal("sip:office.example", first.RequestUriText);
        Assert.Equal("<sip:201@office.example>", first.GetHeader("To"));
        Assert.Equal("<sip:201@127.0.1.1:5070>", first.GetHeader("Contact"));
        Assert.Equal(600, first.Expires);
        Assert.Equal(first.CallId, registrar.Requests[1].CallId);
        Assert.Equal(first.CSeqNumber + 1, registrar.Requests[1].CSeqNumber);
        Assert.Equal(600, _reg.GrantedExpires);
    }

    [Fact]
    public void A_registration_is_refreshed_a_minute_before_it_expires_with_the_same_Call_ID()
    {
        var registrar = Start();
        _driver.Advance(539_000);
        Assert.Equal(2, registrar.Requests.Count);
        _driver.Advance(1_000);
        Assert.Equal(4, registrar.Requests.Count); // challenged again, answered again
        Assert.All(registrar.Requests, r => Assert.Equal(registrar.Requests[0].CallId, r.CallId));
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
        Assert.DoesNotContain(_changes, c => c.Contains("failed"));
    }

    [Fact]
    public void A_wrong_password_fails_with_a_clear_reason_and_retries_after_a_back_off_of_15_to_30_s()
    {
        var registrar = Start(password: "wrong");
        Assert.Equal(RegistrationStatus.Failed, _reg.Status);
        Assert.Equal("wrong password for 201", _reg.FailureReason);
        Assert.Equal(new[] { 401, 401 }, registrar.Answers);
        Assert.InRange(_reg.LastBackoffMs, 15_000, 30_000);
        _driver.Advance(_reg.LastBackoffMs - 11);
        Assert.Equal(2, registrar.Requests.Count);
        _driver.Advance(1);
        Assert.Equal(4, registrar.Requests.Count);
        Assert.Equal(2, _reg.Failures);
        Assert.InRange(_reg.LastBackoffMs, 30_000, 60_000);
    }

    [Fact]
    public void A_stale_nonce_is_answered_again_at_once_without_counting_as_a_failure()
    {
        var registrar = Start();
        registrar.StaleNext = true;
        _driver.Advance(540_000);
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
        Assert.Equal(0, _reg.Failures);
        Assert.Contains(401, registrar.Answers.Skip(2));
    }

    [Fact]
    public void Back_off_doubles_from_30_s_to_a_ceiling_of_1800_s()
    {
        Assert.Equal(new[] { 30, 60, 120, 240, 480, 960, 1800, 1800 },
            Enumerable.Range(1, 8).Select(RegistrationTiming.BackoffCeilingSeconds));
        var random = new Random(1);
        for (int failures = 1; failures < 10; failures++)
        {
            int ceiling = RegistrationTiming.BackoffCeilingSeconds(failures) * 1000;
            Assert.InRange(RegistrationTiming.BackoffMs(failures, random), ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void A_silent_registrar_times_out_and_the_backup_proxy_takes_over()
    {
        var backup = new FakeRegistrar(_wire, "127.0.1.101");
        var primary = Start(extraAccount: ", \"backupProxy\": \"sip:127.0.1.101:5060;lr\"");
        // Start() already registered with the primary; make it go silent and wait for the refresh to fail.
        primary.Silent = true;
        _driver.Advance(540_000 + 32_000);
        Assert.True(_reg.OnBackup);
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
        Assert.Equal(new[] { 401, 200 }, backup.Answers);
        Assert.Contains(_changes, c => c.Contains("failed (no answer from UDP 127.0.1.100:5060)"));
    }

    [Fact]
    public void Interval_too_brief_is_retried_with_the_registrars_minimum()
    {
        var registrar = new FakeRegistrar(_wire, "127.0.1.100") { MinExpires = 1200 };
        string config = """
        { "device": { "id": "d", "name": "R", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "password": "secret",
                          "registrar": "sip:127.0.1.100:5060", "expires": 300 } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out _));
        _stack = new SipStack(_loop, _wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        _reg = new Registration(_stack, parsed.DefaultAccount, this);
        _loop.Post(() => { _stack.Start(); _reg.Start(); });
        _driver.Advance(10);
        Assert.Equal(423, registrar.Answers[0]);
        Assert.Equal(1200, registrar.Requests[1].Expires);
        Assert.Equal(RegistrationStatus.Registered, _reg.Status);
    }

    [Fact]
    public void Stopping_removes_the_binding_with_Expires_0()
    {
        var registrar = Start();
        _loop.Post(() => _reg.Stop());
        _driver.Advance(10);
        Assert.Equal(0, registrar.Requests.Last().Expires);
        Assert.Equal(RegistrationStatus.Unregistered, _reg.Status);
        _driver.Advance(3_600_000);
        Assert.Equal(0, registrar.Requests.Last().Expires); // no refresh after stopping
    }

    [Fact]
    public void A_registrar_named_by_host_name_fails_clearly_because_there_is_no_DNS()
    {
        new FakeRegistrar(_wire, "127.0.1.100");
        string config = """
        { "device": { "id": "d", "name": "R", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "registrar": "sip:pbx.office.example" } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out _));
        _stack = new SipStack(_loop, _wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        _reg = new Registration(_stack, parsed.DefaultAccount, this);
        _loop.Post(() => { _stack.Start(); _reg.Start(); });
        _driver.Advance(10);
        Assert.Equal(RegistrationStatus.Failed, _reg.Status);
        Assert.Contains("no DNS", _reg.FailureReason);
    }
}

public class RegistrationTransportTests : IRegistrationListener
{
    public void RegistrationChanged(Registration r) { }

    [Fact]
    public void A_registrar_the_transport_cannot_reach_at_once_fails_and_backs_off_instead_of_stalling()
    {
        var clock = new VirtualClock();
        var driver = new VirtualTimeDriver(clock);
        var wire = new InMemoryNetwork(clock);
        var loop = new EventLoop(clock, new SimLog(clock));
        driver.AddPump(loop.RunPending);
        string config = """
        { "device": { "id": "d", "name": "R", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "registrar": "sip:127.0.1.100:5060", "transport": "tcp" } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out _));
        var stack = new SipStack(loop, wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        var reg = new Registration(stack, parsed.DefaultAccount, this);
        loop.Post(() => { stack.Start(); reg.Start(); });
        driver.Advance(10);
        Assert.Equal(RegistrationStatus.Failed, reg.Status);
        Assert.Contains("127.0.1.100", reg.FailureReason);
        Assert.InRange(reg.LastBackoffMs, 15_000, 30_000);
    }
}
