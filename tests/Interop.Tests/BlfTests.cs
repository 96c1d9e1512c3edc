// BLF through a real Kamailio (presence + presence_dialoginfo fed by pua_dialoginfo): lamps, directed pickup, a refused subscription.
using DeskPhone.Firmware.Blf;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The watcher 201 (the simulator's phone on real UDP) has a BLF key (line key 2) on 202, which is
/// baresip. Calls to 202 come from baresip 203, or, for the pickup, from a second simulated phone
/// 203: RFC 3891 lets only the caller replace its early dialog, so the pickup needs a caller that
/// honours Replaces for an early outgoing call; the firmware does (CallReplaces), and the test does not
/// depend on whether baresip 1.0 does. Lamps are read through the host: the logical state (colour +
/// cadence) and the LED's recorded changes.
/// </summary>
public sealed class BlfTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const int BlfLine = 2;

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Bob;
        public readonly LivePhone Watcher;
        private readonly List<IDisposable> _others = new();

        public Rig(int rtpPortBase, string watched = "202")
        {
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret")
                .AddSubscriber("203", "carol-secret").Start();
            Bob = new BaresipProcess(Kamailio, "202", "bob-secret").Start();
            Assert.Equal("REGISTER_OK", Bob.Register().Type);
            Watcher = new LivePhone(Kamailio, "201", "reception-secret", rtpPortBase,
                $$"""{ "kind": "blf", "label": "Bob", "target": "{{Kamailio.Aor(watched)}}" }""");
            Assert.True(Watcher.WaitFor(() => Watcher.Firmware.Registration == RegistrationState.Registered, Patience), Why());
        }

        public T Add<T>(T other) where T : IDisposable
        {
            _others.Add(other);
            return other;
        }

        /// <summary>The BLF key's watch (read on the loop; read its members with another Do).</summary>
        public BlfWatch? Watch => Watcher.Do(() => Watcher.Firmware.BlfWatchAt(BlfLine - 1));

        /// <summary>The BLF key's lamp as the firmware drives it ("red fast-flash").</summary>
        public string Lamp() => Watcher.Do(() => Watcher.Firmware.Lamps.Get(BlfLine - 1).ToString());

        public void WaitForLamp(string expected, string what) =>
            Assert.True(Watcher.WaitFor(() => Watcher.Firmware.Lamps.Get(BlfLine - 1).ToString() == expected, Patience),
                $"{what}: the BLF lamp is {Lamp()}, not {expected}\n{Why()}");

        public void WaitUntilSubscribed() =>
            Assert.True(Watcher.WaitFor(() => Watcher.Firmware.BlfWatchAt(BlfLine - 1)?.Subscription?.State == SubscriptionState.Active, Patience),
                "the BLF subscription is not active\n" + Why());

        /// <summary>The LED really blinks: within a second it was red and dark.</summary>
        public void LedBlinksRed()
        {
            var since = Watcher.Do(() => Watcher.Sim.Loop.Clock.NowMs);
            Assert.True(Watcher.WaitFor(() =>
            {
                var changes = Watcher.Sim.Lamps.History(BlfLine - 1).Where(c => c.AtMs > since).ToArray();
                return changes.Any(c => c.Colour == LampColour.Red) && changes.Any(c => c.Colour == LampColour.Off);
            }, Patience), "the BLF LED does not blink\n" + Why());
        }

        public string Why() =>
            $"watcher log {Watcher.LogPath}:\n{Watcher.Tail()}\nbaresip 202 log {Bob.LogPath}\nkamailio log {Kamailio.LogPath}";

        public void Dispose()
        {
            Watcher.Dispose();
            foreach (var o in _others) o.Dispose();
            Bob.Dispose();
            Kamailio.Dispose();
        }
    }

    [Fact]
    public void The_BLF_lamp_flashes_while_baresip_202_rings_is_steady_while_it_talks_and_goes_off_after_the_call()
    {
        using var rig = new Rig(48000);
        var carol = rig.Add(new BaresipProcess(rig.Kamailio, "203", "carol-secret").Start());
        Assert.Equal("REGISTER_OK", carol.Register().Type);
        rig.WaitUntilSubscribed();
        Assert.Equal("off", rig.Lamp());

        carol.Dial(rig.Kamailio.Aor("202"));
        rig.Bob.WaitForEvent("CALL_INCOMING");
        rig.WaitForLamp(LampScheme.Default.For(LampMeaning.RingingOthers).ToString(), "202 ringing");
        Assert.Equal("red fast-flash", rig.Lamp());
        rig.LedBlinksRed();
        var watch = rig.Watch!;
        var ringing = rig.Watcher.Do(() => watch.Ringing);
        Assert.NotNull(ringing);
        Assert.Equal("sip:203@office.example", ringing!.RemoteIdentity);

        rig.Bob.Answer();
        rig.Bob.WaitForEvent("CALL_ESTABLISHED");
        rig.WaitForLamp("red steady", "202 talking");
        Assert.Equal(BlfStatus.Busy, rig.Watcher.Do(() => watch.Status));

        carol.Hangup();
        rig.Bob.WaitForEvent("CALL_CLOSED");
        rig.WaitForLamp("off", "the call over");
    }

    [Fact]
    public void Pressing_the_ringing_BLF_key_picks_up_the_call_from_203_and_202_stops_ringing()
    {
        using var rig = new Rig(49000);
        var carol = rig.Add(new LivePhone(rig.Kamailio, "203", "carol-secret", 50000));
        Assert.True(carol.WaitFor(() => carol.Firmware.Registration == RegistrationState.Registered, Patience), rig.Why());
        rig.WaitUntilSubscribed();

        carol.Dial("202");
        rig.Bob.WaitForEvent("CALL_INCOMING");
        rig.WaitForLamp("red fast-flash", "202 ringing");

        rig.Watcher.Press(KeyCodes.Line(BlfLine));
        string? message = rig.Watcher.Do(() => rig.Watcher.Firmware.Message);
        Assert.True(message != null && message.StartsWith("Pickup: ") && message.Contains("203"), $"message '{message}'\n{rig.Why()}");

        Assert.True(rig.Watcher.WaitFor(() => rig.Watcher.Firmware.Mode == PhoneMode.InCall
            && rig.Watcher.Firmware.CurrentCall!.State == CallState.Connected, Patience), "the watcher is not connected\n" + rig.Why() + "\ncaller log:\n" + carol.Tail());
        var invite = rig.Watcher.Do(() => rig.Watcher.Firmware.CurrentCall!.OutgoingInvite!);
        Assert.Contains("early-only", invite.GetHeader("Replaces"));
        Assert.StartsWith("sip:203@", invite.RequestUriText);
        Assert.True(carol.WaitFor(() => carol.Firmware.Mode == PhoneMode.InCall && carol.Firmware.CurrentCall!.State == CallState.Connected
            && carol.Firmware.CurrentCall.Replaced != null, Patience), "203's call was not replaced\n" + carol.Tail());
        var closed = rig.Bob.WaitForEvent("CALL_CLOSED");   // 203 cancelled its INVITE to 202
        Assert.NotNull(closed);
        rig.WaitForLamp("off", "202 no longer ringing");

        rig.Watcher.Press(KeyCodes.Speaker); // the pickup went out on the speaker: this ends it
        Assert.True(carol.WaitFor(() => carol.Firmware.Mode == PhoneMode.Idle, Patience), "203 still in the call\n" + carol.Tail());
    }

    [Fact]
    public void A_BLF_key_on_a_user_Kamailio_does_not_serve_shows_the_failed_lamp()
    {
        using var rig = new Rig(51000, watched: "299");
        rig.WaitForLamp("red broken-flash", "BLF on an unknown user");
        var watch = rig.Watch!;
        Assert.Equal(BlfStatus.Failed, rig.Watcher.Do(() => watch.Status));
        Assert.StartsWith("404", rig.Watcher.Do(() => watch.Problem));
        Assert.False(rig.Watcher.Do(() => watch.Subscription!.WillRetry));
    }
}
