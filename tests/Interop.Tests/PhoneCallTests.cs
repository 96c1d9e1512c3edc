using DeskPhone.Softswitch;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// Calls between the firmware's call usage (SIP stack, CallManager, SdpCallMedia on real sockets)
/// and a real baresip, through a real Kamailio. The phone is 201, baresip is 202.
/// </summary>
public sealed class PhoneCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Kamailio with 201 and 202, baresip 202 registered, and the phone 201 with calls (registered unless told not to).</summary>
    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly LiveSipStack Phone;
        public readonly AccountConfig Account;

        public Rig(string phonePassword = "reception-secret", bool register = true)
        {
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret").Start();
            Phone = new LiveSipStack();
            Account = LiveSipStack.Account(Kamailio, "201", phonePassword);
            Phone.StartCalls(Account);
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            if (!register) return;
            Phone.Register(Account);
            Assert.True(Phone.WaitFor(() => Phone.Registration!.Status == RegistrationStatus.Registered, Patience), Why());
        }

        /// <summary>The phone's log, its call events and where baresip's and Kamailio's logs are.</summary>
        public string Why() =>
            $"{Phone.Trace()}\ncall events:\n{Phone.CallEvents}\nbaresip log {Far.LogPath}\nkamailio log {Kamailio.LogPath}";

        public void AssertState(SipCall call, CallState state) =>
            Assert.True(Phone.WaitForState(call, state, Patience), $"call not {state} but {Phone.Do(() => call.State)}\n{Why()}");

        public void AssertEnded(SipCall call) =>
            Assert.True(Phone.WaitFor(() => call.IsEnded, Patience), $"call not ended ({Phone.Do(() => call.State)})\n{Why()}");

        /// <summary>The phone calls baresip, which answers; both sides connected.</summary>
        public SipCall Connected()
        {
            var call = Phone.Dial(Account, "202");
            Far.WaitForEvent("CALL_INCOMING");
            Far.Answer();
            Far.WaitForEvent("CALL_ESTABLISHED");
            AssertState(call, CallState.Connected);
            return call;
        }

        /// <summary>Waits for baresip's incoming call to reach the phone, which rings.</summary>
        public SipCall Ringing()
        {
            Far.Dial(Kamailio.Aor("201"));
            Assert.True(Phone.WaitFor(() => Phone.CallEvents.Incoming.Length == 1, Patience), Why());
            return Phone.CallEvents.Incoming[0];
        }

        public void Dispose()
        {
            Phone.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
        }
    }

    [Fact]
    public void The_phone_calls_baresip_through_kamailio_both_sides_connect_and_the_phones_hang_up_closes_it()
    {
        using var rig = new Rig();
        var call = rig.Phone.Dial(rig.Account, "202");
        var incoming = rig.Far.WaitForEvent("CALL_INCOMING");
        Assert.Equal(rig.Kamailio.Aor("201"), incoming.PeerUri);
        rig.Far.Answer();
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        rig.AssertState(call, CallState.Connected);
        var media = rig.Phone.Do(() => call.NegotiatedMedia);
        Assert.NotNull(media);
        Assert.Equal("PCMU", media!.CodecName);
        Assert.Equal("127.0.0.1", media.RemoteAddress);
        Assert.False(media.IsOnHold);

        rig.Phone.Do(() => call.Hangup());
        var closed = rig.Far.WaitForEvent("CALL_CLOSED");
        rig.AssertEnded(call);

        Assert.Equal("Connection reset by peer", closed.Param);
        Assert.False(rig.Phone.Do(() => call.EndedRemotely));
        Assert.Equal(0, rig.Phone.Do(() => rig.Phone.Media!.Ports.InUse));
    }

    [Fact]
    public void Baresip_calls_the_phone_which_rings_then_answers_and_baresip_hangs_up()
    {
        using var rig = new Rig();
        var call = rig.Ringing();
        rig.Far.WaitForEvent("CALL_RINGING");
        Assert.Equal(CallState.Ringing, rig.Phone.Do(() => call.State));
        Assert.Equal(rig.Far.Aor, rig.Phone.Do(() => call.RemoteUri));

        Assert.True(rig.Phone.Do(() => call.Answer()));
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        Assert.True(rig.Phone.WaitFor(() => !call.AwaitingAck, Patience), "no ACK for our 200\n" + rig.Why());
        Assert.Equal("PCMU", rig.Phone.Do(() => call.NegotiatedMedia!.CodecName));

        rig.Far.Hangup();
        rig.AssertEnded(call);
        Assert.True(rig.Phone.Do(() => call.EndedRemotely));
        Assert.Equal(200, rig.Phone.Do(() => call.EndStatus));
        Assert.StartsWith("remote hang-up", rig.Phone.Do(() => call.EndReason));
    }

    [Fact]
    public void The_phone_cancels_before_baresip_answers_and_the_call_ends_with_487()
    {
        using var rig = new Rig();
        var call = rig.Phone.Dial(rig.Account, "202");
        rig.Far.WaitForEvent("CALL_INCOMING");
        rig.AssertState(call, CallState.Early);

        Assert.True(rig.Phone.Do(() => call.Hangup()));
        rig.Far.WaitForEvent("CALL_CLOSED");
        rig.AssertEnded(call);
        Assert.Equal(487, rig.Phone.Do(() => call.EndStatus));
        Assert.Equal(0, rig.Phone.Do(() => rig.Phone.Media!.Ports.InUse));
    }

    [Fact]
    public void Baresip_calling_a_busy_phone_hears_486()
    {
        using var rig = new Rig();
        rig.Phone.CallEvents.Decision = CallDecision.Busy;
        var call = rig.Ringing();
        var closed = rig.Far.WaitForEvent("CALL_CLOSED");
        Assert.StartsWith("486", closed.Param);
        rig.AssertEnded(call);
        Assert.Equal(486, rig.Phone.Do(() => call.EndStatus));
    }

    [Fact]
    public void The_phone_holds_and_resumes_baresip_by_re_INVITE_and_the_negotiated_media_follows()
    {
        using var rig = new Rig();
        var call = rig.Connected();

        Assert.True(rig.Phone.Do(() => call.Hold()));
        Assert.True(rig.Phone.WaitFor(() => !call.ReinvitePending && call.NegotiatedMedia!.IsHeldLocally, Patience), "not held\n" + rig.Why());
        Assert.True(rig.Phone.Do(() => call.LocalHold));
        Assert.Equal(CallState.Connected, rig.Phone.Do(() => call.State));

        Assert.True(rig.Phone.Do(() => call.Resume()));
        Assert.True(rig.Phone.WaitFor(() => !call.ReinvitePending && !call.NegotiatedMedia!.IsOnHold, Patience), "still held\n" + rig.Why());
        Assert.False(rig.Phone.Do(() => call.LocalHold));

        rig.Phone.Do(() => call.Hangup());
        rig.Far.WaitForEvent("CALL_CLOSED");
        rig.AssertEnded(call);
    }

    [Fact]
    public void An_unregistered_phone_with_a_wrong_password_is_refused_by_kamailio_and_the_call_ends()
    {
        using var rig = new Rig(phonePassword: "not-the-password", register: false);
        var call = rig.Phone.Dial(rig.Account, "202");
        rig.AssertEnded(call);
        int status = rig.Phone.Do(() => call.EndStatus);
        Assert.True(status is 403 or 401 or 407, $"ended with {status} {rig.Phone.Do(() => call.EndReason)}");
        Assert.DoesNotContain(rig.Far.Events, e => e.Type == "CALL_INCOMING");
    }
}

/// <summary>Two firmware phones calling each other through a real Kamailio (no baresip).</summary>
public sealed class PhoneToPhoneCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_phone_calls_another_through_kamailio_and_the_callers_hang_up_ends_the_call_on_both(bool viaOutboundProxy)
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
        using var caller = new LiveSipStack();
        using var callee = new LiveSipStack();
        // With an outbound proxy every request, ACK and BYE included, goes to Kamailio first: it can
        // route them only if the callee's 2xx carried Kamailio's Record-Route (RFC 3261 §12.1.1).
        var a = LiveSipStack.Account(kamailio, "201", "reception-secret", outboundProxy: viaOutboundProxy);
        var b = LiveSipStack.Account(kamailio, "202", "bob-secret", outboundProxy: viaOutboundProxy);
        caller.StartCalls(a);
        callee.StartCalls(b);
        caller.Register(a);
        callee.Register(b);
        Assert.True(caller.WaitFor(() => caller.Registration!.Status == RegistrationStatus.Registered, Patience), caller.Trace());
        Assert.True(callee.WaitFor(() => callee.Registration!.Status == RegistrationStatus.Registered, Patience), callee.Trace());

        var outgoing = caller.Dial(a, "202");
        Assert.True(callee.WaitFor(() => callee.CallEvents.Incoming.Length == 1, Patience), callee.Trace());
        var incoming = callee.CallEvents.Incoming[0];
        callee.Do(() => incoming.Answer());
        Assert.True(caller.WaitForState(outgoing, CallState.Connected, Patience), caller.Trace());
        Assert.True(callee.WaitForState(incoming, CallState.Connected, Patience), callee.Trace()); // the ACK came through the proxy

        caller.Do(() => outgoing.Hangup());
        Assert.True(callee.WaitFor(() => incoming.IsEnded, Patience), "the BYE did not reach the callee\n" + callee.Trace());
        Assert.True(callee.Do(() => incoming.EndedRemotely));
    }
}
