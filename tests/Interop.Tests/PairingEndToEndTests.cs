// Pairings end to end: an admin's is active at once; a user's is pending until the other side accepts on their phone,
// through a real Kamailio and the office service, and then the softswitch and the phone's new device file honour it.
using System.Net;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Commands;
using DeskPhone.Provision.Serve;
using DeskPhone.Softswitch;
using OfficePhone = DeskPhone.Office.Model.Phone;

namespace DeskPhone.Interop.Tests;

public sealed class PairingEndToEndTests : IDisposable
{
    const string Domain = "office.example";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    readonly string _dir = Directory.CreateTempSubdirectory("deskphone-pairing-").FullName;
    readonly StringWriter _serviceText = new();
    readonly TextWriter _serviceLog;
    KamailioProcess? _kamailio;
    OfficeService? _service;

    public PairingEndToEndTests() => _serviceLog = TextWriter.Synchronized(_serviceText);

    /// <summary>What the service logged so far (read under the writer's lock: it writes from its own thread).</summary>
    string ServiceLog
    {
        get { lock (_serviceLog) return _serviceText.ToString(); }
    }

    string OfficePath => Path.Combine(_dir, "office.json");
    string OutDir => Path.Combine(_dir, "out");

    /// <summary>The command the service runs after a change: the new delegation rows into the running Kamailio.</summary>
    string Reload => $"bash '{Path.Combine(InteropTools.SoftswitchDir, "reload-delegation.sh")}' 'unix:{_kamailio!.ControlSocket}' "
        + $"\"$DESKPHONE_OUT/softswitch/delegation\" '{_kamailio.DatabaseDir}'";

    /// <summary>
    /// The office provisioned as an admin does it, for a Kamailio on a port chosen first; the office service
    /// (applying answers, then <see cref="Reload"/>); Kamailio with the generated tables, routing pairing answers to the service.
    /// </summary>
    KamailioProcess Start()
    {
        int port = FreePorts.UdpAndTcp();
        OfficeFile.Save(OfficePath, Office(port));
        var provisioned = new StringWriter();
        Assert.True(ProvisionCommand.Generate(OfficeFile.Load(OfficePath), OfficePath, OutDir, null, provisioned, provisioned), provisioned.ToString());
        _kamailio = new KamailioProcess(Domain, port, null);
        _service = new OfficeService(new IPEndPoint(IPAddress.Loopback, 0), OfficePath, OutDir, null, Reload, _serviceLog).Start();
        return _kamailio.UseOfficeData(Path.Combine(OutDir, "softswitch")).UsePairingService(_service.Uri).Start();
    }

    public void Dispose()
    {
        _kamailio?.Dispose();
        _service?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Ann (203) the executive; Carol (204) assists her by an admin's pairing; Ann asks Bob (202) herself.</summary>
    static OfficeDirectory Office(int port)
    {
        var office = new OfficeDirectory { Sip = new SipSettings { Domain = Domain, Registrar = $"sip:127.0.0.1:{port}", OutboundProxy = $"sip:127.0.0.1:{port};lr" } };
        office.Users.Add(new User { Id = "bob", Name = "Bob Stone", Extension = "202", Password = "bob-secret" });
        office.Users.Add(new User { Id = "ann", Name = "Ann Lee", Extension = "203", Password = "ann-secret" });
        office.Users.Add(new User { Id = "carol", Name = "Carol Diaz", Extension = "204", Password = "carol-secret" });
        office.Phones.Add(new OfficePhone { Id = "assistant-bob", User = "bob", Board = "sim-desk-8", File = "bob" });
        office.Phones.Add(new OfficePhone { Id = "exec-ann", User = "ann", Board = "sim-desk-8", File = "ann" });
        Assert.Equal("pairing p1: carol assists ann (answer), active",
            Delegation.AddPairing(office, "ann", "carol", Actor.Admin, Permissions.Answer).Message);
        Assert.Equal("pairing p2: bob assists ann (answer, pickup), pending until bob accepts",
            Delegation.AddPairing(office, "ann", "bob", Actor.User("ann"), Permissions.Answer | Permissions.PickUpHeld).Message);
        return office;
    }

    static int SubscribeToAnnsLine(KamailioProcess kamailio, string user, string password)
    {
        using var probe = new SipProbe(kamailio.EndPoint);
        return probe.Send("SUBSCRIBE", kamailio.Aor("203"), kamailio.Aor(user), kamailio.Aor("203"), user, password,
            new[] { "Event: call-info", "Expires: 60", $"Call-Info: <sip:{Domain}>;appearance-index=1" }).Status;
    }

    [Fact]
    public void A_pairing_the_executive_asked_for_is_accepted_on_the_assistants_phone_and_then_the_softswitch_and_the_new_device_file_honour_it()
    {
        var kamailio = Start();
        string bobsFile = Path.Combine(OutDir, "devices", "bob.json");

        // The admin's pairing works at once; the pending one gives Bob nothing.
        Assert.InRange(SubscribeToAnnsLine(kamailio, "204", "carol-secret"), 200, 202);
        Assert.Equal(403, SubscribeToAnnsLine(kamailio, "202", "bob-secret"));

        using (var bob = new LivePhone(bobsFile, rtpPortFirst: 46400))
        {
            Assert.True(bob.WaitFor(() => bob.Firmware.Registration == RegistrationState.Registered, Patience), "Bob's phone did not register\n" + bob.Tail());
            Assert.True(bob.WaitFor(() => bob.Firmware.PairingPromptShown, Patience), "no pairing prompt\n" + bob.Tail());
            string[] prompt = bob.Do(() => bob.Firmware.Screen.TextLines());
            Assert.Equal("Pairing request", prompt[0]);
            Assert.Equal("Ann Lee (203) asks you to cover their line: answer calls, pick up held calls.", string.Join(" ", prompt[1..^1]));
            Assert.Equal("Accept | Reject | Later", prompt[^1]);

            bob.Press(KeyCodes.Soft1);

            Assert.True(bob.WaitFor(() => bob.Firmware.PairingPrompt == PairingPromptState.None, Patience), "the answer never came\n" + bob.Tail() + "\n" + ServiceLog);
            Assert.Equal(200, bob.Do(() => bob.Firmware.PairingAnswer!.StatusCode));
            Assert.Equal("Accepted", bob.Do(() => bob.Firmware.Message));
        }

        // office.json says so, Bob's new device file has Ann's line, and Kamailio (reloaded) lets Bob watch it.
        Assert.Equal(PairingState.Active, OfficeFile.Load(OfficePath).FindPairing("p2")!.State);
        Assert.True(SpinWait.SpinUntil(() => ServiceLog.Contains("reload: "), Patience), "no reload\n" + ServiceLog);
        Assert.Contains($"reload: '{Reload}' exited with 0: delegation: 9 row(s) loaded into the running Kamailio", ServiceLog);
        Assert.InRange(SubscribeToAnnsLine(kamailio, "202", "bob-secret"), 200, 202);

        using (var bob = new LivePhone(bobsFile, rtpPortFirst: 46400))
        {
            Assert.True(bob.WaitFor(() => bob.Firmware.Registration == RegistrationState.Registered, Patience), "Bob's phone did not register again\n" + bob.Tail());
            KeyConfig shared = bob.Do(() => bob.Firmware.Config.Keys.Single(k => k.Kind == KeyKind.Shared));
            Assert.Equal(("Ann (exec)", "sip:203@office.example", "p2", "Ann Lee"), (shared.Label, shared.Target, shared.Delegation!.PairingId, shared.Delegation.For));
            Assert.Equal((true, true, false), (shared.Delegation.Answer, shared.Delegation.PickUpHeld, shared.Delegation.PlaceCalls));
            Assert.Equal((0, PairingPromptState.None), bob.Do(() => (bob.Firmware.Config.PendingPairingCount, bob.Firmware.PairingPrompt)));
            Assert.Contains(bob.Do(() => bob.Firmware.Screen.TextLines()), line => line.Contains("Ann (exec)")); // its label on the idle screen
        }
    }

    [Fact]
    public void Kamailio_hands_the_service_only_answers_from_the_offices_users_and_asserts_who_sent_them()
    {
        var kamailio = Start();
        using var probe = new SipProbe(kamailio.EndPoint);
        string service = $"sip:pairing@{Domain}";
        string body = "pairing: p2\r\nanswer: accept\r\nuser: 202\r\n";

        // Carol signs in as herself but claims to be Bob: the proxy replaces her P-Asserted-Identity with her own.
        var forged = probe.Send("MESSAGE", service, kamailio.Aor("204"), service, "204", "carol-secret",
            new[] { $"P-Asserted-Identity: <{kamailio.Aor("202")}>" }, body: body, contentType: PairingAnswer.ContentType);
        var stranger = probe.Send("MESSAGE", service, "sip:mallory@elsewhere.example", service, body: body, contentType: PairingAnswer.ContentType);
        var junk = probe.Send("MESSAGE", service, kamailio.Aor("202"), service, "202", "bob-secret", body: "accept please", contentType: PairingAnswer.ContentType);
        var bob = probe.Send("MESSAGE", service, kamailio.Aor("202"), service, "202", "bob-secret", body: body, contentType: PairingAnswer.ContentType);

        Assert.Equal((403, "Sent by 204, not by 202"), (forged.Status, forged.Reason));
        Assert.Equal((403, "Only the office's users answer pairing requests"), (stranger.Status, stranger.Reason));
        Assert.Equal((400, "Not a 'name: value' line: 'accept please'"), (junk.Status, junk.Reason));
        Assert.Equal((200, "OK"), (bob.Status, bob.Reason));
        Assert.Equal(PairingState.Active, OfficeFile.Load(OfficePath).FindPairing("p2")!.State);
        Assert.True(SpinWait.SpinUntil(() => ServiceLog.Contains("reload: "), Patience), "no reload\n" + ServiceLog);
        Assert.InRange(SubscribeToAnnsLine(kamailio, "202", "bob-secret"), 200, 202);
    }
}
