// Delegated lines end to end: an office made with deskphone-provision, Kamailio with sca running its data, the executive's and two assistants' phones in the simulator, baresip outside.
using DeskPhone.Firmware.Delegation;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Provision;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// Ann Lee (203) is the executive; Bob Stone (202) assists her with place, answer and pickup, Carol
/// Diaz (204) with answer and pickup. The pairings are made as the admin through <c>deskphone-provision
/// office pair</c> (active at once), <c>provision</c> writes the device files and Kamailio's tables,
/// and the three phones boot from the generated files as a tester's simulator would: Ann's phone gets a
/// shared key on her own line, Bob's and Carol's one on Ann's. baresip 205 is the outside caller (a VIP
/// of Ann's) and the callee of Bob's call as Ann. The held-call pickup needs a far end that honours the
/// Replaces Kamailio's sca adds, which baresip 1.0 does not: there the caller is a fourth simulated phone,
/// reception 201 (the firmware accepts INVITE with Replaces for real); before that Bob holds it privately
/// and Carol's phone refuses to pick it up. The user-made pairing (pending,
/// accepted on a phone) is PairingEndToEndTests'; the softswitch's own refusals of crafted requests are
/// DelegationEnforcementTests'.
/// </summary>
public sealed class DelegationEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string Domain = "office.example";
    private const int SharedKey = 2; // every phone: Line 1, then the shared key

    private readonly string _dir = Directory.CreateTempSubdirectory("deskphone-delegation-").FullName;
    private readonly List<IDisposable> _owned = new();
    private readonly KamailioProcess _kamailio;
    private readonly LivePhone _ann, _bob, _carol;

    public DelegationEndToEndTests()
    {
        int port = FreePorts.UdpAndTcp();
        string office = Path.Combine(_dir, "office.json");
        File.WriteAllText(office, $$"""
            {
              "office": { "name": "Delegation test", "domain": "{{Domain}}", "registrar": "sip:127.0.0.1:{{port}}", "outboundProxy": "sip:127.0.0.1:{{port}};lr" },
              "users": [
                { "id": "reception", "name": "Reception", "extension": "201", "password": "reception-secret" },
                { "id": "bob", "name": "Bob Stone", "extension": "202", "password": "bob-secret" },
                { "id": "ann", "name": "Ann Lee", "extension": "203", "password": "ann-secret", "vipCallers": ["205"] },
                { "id": "carol", "name": "Carol Diaz", "extension": "204", "password": "carol-secret" },
                { "id": "dave", "name": "Dave Outside", "extension": "205", "password": "dave-secret" }
              ],
              "phones": [
                { "id": "exec-ann", "user": "ann", "board": "sim-desk-8", "file": "ann", "lines": 1 },
                { "id": "assistant-bob", "user": "bob", "board": "sim-desk-8", "file": "bob", "lines": 1 },
                { "id": "assistant-carol", "user": "carol", "board": "sim-desk-8", "file": "carol", "lines": 1 },
                { "id": "reception-1", "user": "reception", "board": "sim-desk-8", "file": "reception", "lines": 1 }
              ],
              "pairings": []
            }
            """);
        Tool("office", "pair", "--office", office, "--executive", "ann", "--assistant", "bob", "--allow", "place,answer,pickup");
        Tool("office", "pair", "--office", office, "--executive", "ann", "--assistant", "carol", "--allow", "answer,pickup");
        string outDir = Path.Combine(_dir, "out");
        Tool("provision", "--office", office, "--out", outDir);

        _kamailio = Own(new KamailioProcess(Domain, port, null).UseOfficeData(Path.Combine(outDir, "softswitch")).Start());
        _ann = Own(new LivePhone(Path.Combine(outDir, "devices", "ann.json"), 51000));
        _bob = Own(new LivePhone(Path.Combine(outDir, "devices", "bob.json"), 52000));
        _carol = Own(new LivePhone(Path.Combine(outDir, "devices", "carol.json"), 53000));
        foreach (var phone in Team) Until(phone, () => phone.Firmware.SharedLineAt(SharedKey - 1)?.Watch?.State == SubscriptionState.Active, "watching Ann's line");
        OutDir = outDir;
    }

    private string OutDir { get; }

    private LivePhone[] Team => new[] { _ann, _bob, _carol };

    private T Own<T>(T thing) where T : IDisposable
    {
        _owned.Add(thing);
        return thing;
    }

    private static (int Code, string Output) Tool(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = ProvisionApp.Run(args, output, errors);
        return (code, output + errors.ToString());
    }

    private string Why() =>
        string.Join("\n", Team.Select(p => $"{p.LogPath}:\n{p.Tail()}")) + $"\nkamailio log {_kamailio.LogPath}";

    private void Until(LivePhone phone, Func<bool> condition, string what) =>
        Assert.True(phone.WaitFor(condition, Patience), $"{what}\n{Why()}");

    private static string Lamp(LivePhone phone, int key) => phone.Do(() => phone.Firmware.Lamps.Get(key - 1).ToString());

    private void LampIs(LivePhone phone, string lamp, string what) =>
        Until(phone, () => phone.Firmware.Lamps.Get(SharedKey - 1).ToString() == lamp, $"{what}: the shared key of {phone.LogPath} is {Lamp(phone, SharedKey)}, not {lamp}");

    /// <summary>The screen's text on one line (read on the phone's loop).</summary>
    private static string Screen(LivePhone phone) => phone.Do(() => ScreenText(phone));

    /// <summary>The screen's text on one line, for conditions that already run on the loop.</summary>
    private static string ScreenText(LivePhone phone) => string.Join(" ", phone.Firmware.Screen.TextLines());

    [Fact]
    public void Calls_for_the_executive_ring_her_and_both_assistants_a_held_call_moves_to_the_other_assistant_and_Bob_calls_out_as_Ann()
    {
        // The tool refuses a reciprocal pairing: Bob is Ann's assistant, so Ann cannot be his.
        var reciprocal = Tool("office", "pair", "--office", Path.Combine(_dir, "office.json"), "--executive", "bob", "--assistant", "ann");
        Assert.Equal(ProvisionApp.Failed, reciprocal.Code);
        Assert.Contains("cannot also be", reciprocal.Output);

        using var dave = new BaresipProcess(_kamailio, "205", "dave-secret").Start();
        Assert.Equal("REGISTER_OK", dave.Register().Type);

        // 1. Dave (a VIP of Ann's) calls Ann: all three ring; the assistants' screens say whose line.
        dave.Dial(_kamailio.Aor("203"));
        foreach (var phone in Team) Until(phone, () => phone.Firmware.Mode == PhoneMode.Ringing, "ringing for Ann");
        Assert.Contains("for Ann Lee", Screen(_bob));
        Assert.Contains("VIP", Screen(_carol));
        Assert.Equal("ring-vip", _bob.Do(() => _bob.Firmware.Audio.Tone?.Name));
        Assert.Equal("green fast-flash", Lamp(_bob, SharedKey));

        // Bob answers: Ann and Carol stop ringing and see the line busy.
        _bob.Press(KeyCodes.Soft1);
        dave.WaitForEvent("CALL_ESTABLISHED");
        Until(_bob, () => _bob.Firmware.Mode == PhoneMode.InCall, "Bob in the call");
        LampIs(_bob, "green steady", "Bob's own call");
        LampIs(_ann, "red steady", "Bob talks on Ann's line");
        LampIs(_carol, "red steady", "Bob talks on Ann's line");
        Until(_carol, () => _carol.Firmware.Mode == PhoneMode.Idle, "Carol's ringing stopped");
        _bob.Press(KeyCodes.Soft1 + 3); // End
        dave.WaitForEvent("CALL_CLOSED");
        foreach (var phone in Team) LampIs(phone, "off", "the line is free again");
        Until(_carol, () => _carol.Firmware.History.Count > 0 && _carol.Firmware.History.At(0).HandledBy == Phone.HandledElsewhere, "Carol's history: answered elsewhere");

        // 2. Reception (a simulated phone: it honours Replaces) calls Ann; Bob answers, then holds.
        using var reception = new LivePhone(Path.Combine(OutDir, "devices", "reception.json"), 54000);
        Until(reception, () => reception.Firmware.Registration == RegistrationState.Registered, "reception registered");
        reception.Dial("203");
        Until(_bob, () => _bob.Firmware.Mode == PhoneMode.Ringing, "ringing at Bob");
        _bob.Press(KeyCodes.Soft1);
        Until(reception, () => reception.Firmware.Mode == PhoneMode.InCall, "reception talks to Bob");
        LampIs(_carol, "red steady", "Bob answered");

        // A private hold: sca shows it held-private (red steady elsewhere), Carol's phone refuses to pick it up.
        _bob.Press(KeyCodes.Soft1 + 2); // Priv
        Until(_bob, () => _bob.Firmware.CurrentCall!.HeldPrivately, "Bob's private hold");
        Until(_carol, () => _carol.Firmware.SharedLineAt(SharedKey - 1)!.OthersIn(AppearanceState.HeldPrivate) != null, "Carol sees the private hold");
        LampIs(_carol, "red steady", "held privately");
        _carol.Press(KeyCodes.Line(SharedKey));
        Until(_carol, () => ScreenText(_carol).Contains("Private call"), "Carol's phone refuses the private call");
        Assert.Equal(PhoneMode.Idle, _carol.Do(() => _carol.Firmware.Mode));
        _bob.Press(KeyCodes.Soft1); // Resume
        Until(_bob, () => !_bob.Firmware.CurrentCall!.LocalHold, "Bob resumed");
        LampIs(_carol, "red steady", "Bob talks again");

        _bob.Press(KeyCodes.Soft1); // Hold
        LampIs(_bob, "green slow-flash", "held by Bob");
        LampIs(_ann, "red slow-flash", "held by Bob, public");
        LampIs(_carol, "red slow-flash", "held by Bob, public");

        // Carol presses the flashing key: she picks the held call up, Bob sees it move to her.
        _carol.Press(KeyCodes.Line(SharedKey));
        Until(_carol, () => _carol.Firmware.Mode == PhoneMode.InCall, "Carol picked the call up");
        Until(_bob, () => _bob.Firmware.Mode == PhoneMode.Idle, "Bob's held call ended");
        LampIs(_carol, "green steady", "Carol's call now");
        LampIs(_bob, "red steady", "Bob sees the call on someone else's appearance");
        LampIs(_ann, "red steady", "Ann sees her line busy");
        // Reception's call was replaced (Kamailio added Replaces to Carol's INVITE), not a second call: one call, still on Ann's line.
        Assert.Equal((CallState.Connected, "sip:203@office.example", 1),
            reception.Do(() => (reception.Firmware.CurrentCall!.State, reception.Firmware.CurrentCall.RemoteParty!.UriText, reception.Firmware.Calls.Count)));
        _carol.Press(KeyCodes.Soft1 + 3);
        Until(reception, () => reception.Firmware.Mode == PhoneMode.Idle, "reception's call ended");
        foreach (var phone in Team) LampIs(phone, "off", "the line is free again");

        // 3. Carol may not call as Ann: the phone says so and seizes nothing.
        _carol.Press(KeyCodes.Line(SharedKey));
        Until(_carol, () => ScreenText(_carol).Contains("Not allowed to call as Ann Lee"), "Carol refused");
        Assert.Equal(SeizeStatus.Idle, _carol.Do(() => _carol.Firmware.SharedLineAt(SharedKey - 1)!.SeizeStatus));

        // 4. Bob calls Dave as Ann: the dial screen says so, Dave sees Ann calling, Ann's lamp shows her line busy.
        _bob.Press(KeyCodes.Line(SharedKey));
        Until(_bob, () => _bob.Firmware.SharedLineAt(SharedKey - 1)!.SeizeStatus == SeizeStatus.Seized, "Bob seized an appearance");
        Assert.Contains("as Ann Lee 203", Screen(_bob));
        foreach (char c in "205") _bob.Press(c - '0');
        _bob.Press(KeyCodes.Ok);
        var incoming = dave.WaitForEvent("CALL_INCOMING");
        Assert.Equal(_kamailio.Aor("203"), incoming.PeerUri);
        LampIs(_ann, "red steady", "Bob calls on Ann's line");
        LampIs(_carol, "red steady", "Bob calls on Ann's line");
        dave.Answer();
        dave.WaitForEvent("CALL_ESTABLISHED");
        _bob.Press(KeyCodes.Soft1 + 3);
        dave.WaitForEvent("CALL_CLOSED");
        foreach (var phone in Team) LampIs(phone, "off", "the line is free at the end");
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
