// A phone on the simulated HAL in virtual time, for tests that read like a person using it.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Input;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Display;
using DeskPhone.Hal.Simulated.Input;
using DeskPhone.Hal.Simulated.Lamps;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;
using DeskPhone.Firmware.Tests.Sip.Usage;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>Builds and drives one phone; every step lets virtual time pass as a finger would.</summary>
public sealed class PhoneRig
{
    public const string DefaultConfig = """
    {
      "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                      "registrar": "sip:127.0.0.1:5060" } ],
      "keys": [
        { "kind": "line", "label": "Line 1", "account": "main" },
        { "kind": "line", "label": "Line 2", "account": "main" },
        { "kind": "blf", "label": "Bob Stone", "target": "sip:202@office.example" },
        { "kind": "feature", "label": "DND", "feature": "dnd" },
        { "kind": "speeddial", "label": "Lobby", "target": "sip:210@office.example", "page": 2 }
      ],
      "display": { "clock24h": true }
    }
    """;

    public VirtualClock Clock { get; }
    public VirtualTimeDriver Driver { get; }
    public SimKeys Keys { get; } = new();
    public SimLamps Lamps { get; }
    public SimDisplay Display { get; } = new();
    public SimAudioCodec Audio { get; }
    public IStorage Storage { get; }
    public SimLog Log { get; }
    public EventLoop Loop { get; }
    public Firmware.Phone.Phone Phone { get; }

    public FakeRegistrar? Registrar { get; }
    public DeskPhone.Firmware.Tests.Sip.Call.FakeFarEnd? FarEnd { get; }
    public InMemoryNetwork Wire { get; }

    public PhoneRig(string config = DefaultConfig, IStorage? storage = null, int lamps = 8, bool registrar = true, bool farEnd = false, Action<PhoneRig>? beforeBoot = null)
    {
        Clock = new VirtualClock(new DateTime(2026, 11, 23, 9, 5, 0));
        Driver = new VirtualTimeDriver(Clock);
        Lamps = new SimLamps(Clock, lamps);
        Audio = new SimAudioCodec(Clock);
        Storage = storage ?? new MemoryStorage();
        Log = new SimLog(Clock);
        Loop = new EventLoop(Clock, Log);
        Driver.AddPump(Loop.RunPending);
        Assert.True(DeviceConfigLoader.TryLoad("test.json", config, out var parsed, out var errors), errors?.ToString());
        var wire = new InMemoryNetwork(Clock);
        Wire = wire;
        // The proxy at 127.0.0.1:5060: a registrar that challenges, or a far end that also takes REGISTER.
        if (farEnd) FarEnd = new DeskPhone.Firmware.Tests.Sip.Call.FakeFarEnd(wire, "127.0.0.1", () => Clock.NowMs) { AnswerSdp = SdpAnswer, Contact = "<sip:bob@127.0.0.1:5060>" };
        else if (registrar) Registrar = new FakeRegistrar(wire, "127.0.0.1") { Password = "" };
        beforeBoot?.Invoke(this); // a test's own proxy at 127.0.0.1:5060 (registrar: false), e.g. BlfTests' BlfSwitch
        var hw = new PhoneHardware
        {
            Clock = Clock, Keys = Keys, Lamps = Lamps, Display = Display, Audio = Audio,
            Network = wire.AddHost("127.0.1.1"), Storage = Storage, Log = Log,
        };
        Phone = new Firmware.Phone.Phone(hw, parsed, Loop);
        Loop.Post(Phone.Boot);
        Driver.Advance(10);
    }

    public const string SdpOffer = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
    public const string SdpAnswer = "v=0\r\no=bob 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

    public void Wait(int ms) => Driver.Advance(ms);

    public void Press(int key, int holdMs = 100)
    {
        Keys.Edge(key, true);
        Wait(holdMs);
        Keys.Edge(key, false);
        Wait(KeyTiming.DebounceMs + 2);
    }

    public void LiftHandset() { Keys.Edge(KeyCodes.Hook, true); Wait(20); }

    public void HangUp() { Keys.Edge(KeyCodes.Hook, false); Wait(20); }

    public string ScreenText => string.Join("\n", Phone.Screen.TextLines());

    public string Lamp(int line) => Phone.Lamps.Get(line - 1).ToString();

    public void NoLoopFailures() => Assert.True(Loop.Failures == 0, "loop failure: " + Loop.LastFailure);
}
