// 'office serve': a phone's accept or decline of a pairing request, as a SIP MESSAGE over UDP, applied to office.json and provisioned again.
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Commands.Office;
using DeskPhone.Provision.Serve;

namespace DeskPhone.Provision.Tests;

public sealed class OfficeServeTests : IDisposable
{
    // Ann (203) asks Reception (201) to cover her line: pairing p2, pending until Reception answers.
    readonly ProvisionSite _site = new();
    readonly string _out;
    readonly OfficeService _service;
    readonly StringWriter _log = new();

    public OfficeServeTests()
    {
        _site.AddOffice();
        Assert.Equal(0, _site.Office("pair", "--executive", "ann", "--assistant", "reception", "--as", "ann", "--allow", "answer,pickup").Code);
        _out = Path.Combine(_site.Root, "office-out");
        Assert.Equal(0, _site.Provision(_out).Code);
        _service = new OfficeService(new IPEndPoint(IPAddress.Loopback, 0), _site.OfficePath, _out, null, null, TextWriter.Synchronized(_log)).Start();
    }

    public void Dispose()
    {
        _service.Dispose();
        _site.Dispose();
    }

    string Reception => File.ReadAllText(Path.Combine(_out, "devices", "reception.json"));
    string DelegationTable => File.ReadAllText(Path.Combine(_out, "softswitch", "delegation"));
    string Shown => _site.Office("show").Output;

    [Fact]
    public void Before_the_answer_the_phone_to_answer_has_the_request_and_where_to_send_the_answer()
    {
        Assert.Contains("\"pairingService\": \"sip:pairing@office.example\",\n  \"pendingPairings\": [\n"
            + "    { \"id\": \"p2\", \"role\": \"assistant\", \"with\": \"Ann Lee\", \"extension\": \"203\", \"permissions\": [\"answer\", \"pickup\"], \"prompt\": true }", Reception);
        string executive = File.ReadAllText(Path.Combine(_out, "devices", "executive.json"));
        Assert.Contains("\"prompt\": false", executive);
        Assert.DoesNotContain("pairingService", executive); // Ann asked: she has nothing to answer
        Assert.DoesNotContain("paired/203/201", DelegationTable);
    }

    [Fact]
    public void Accept_from_the_other_side_makes_the_pairing_active_in_office_json_and_provisions_again()
    {
        var response = Send(Message("201", "pairing: p2\r\nanswer: accept\r\nuser: 201\r\n"));

        Assert.Equal((200, "OK"), response);
        Assert.Contains("p2   reception assists ann: answer, pickup; active (asked by ann)", Shown);
        Assert.Contains("{ \"kind\": \"shared\", \"label\": \"Ann (exec)\", \"target\": \"sip:203@office.example\", \"account\": \"main\", "
            + "\"delegation\": { \"pairing\": \"p2\", \"for\": \"Ann Lee\", \"permissions\": [\"answer\", \"pickup\"] } }", Reception);
        Assert.DoesNotContain("pendingPairings", Reception);
        Assert.DoesNotContain("pairingService", Reception);
        Assert.Contains(":paired/203/201:0:1:1:0\n", DelegationTable);
        Assert.Contains(":answerer/203/1:0:0:201:0\n", DelegationTable); // Bob (p1) and now Reception answer Ann's calls
        Assert.Equal(1, _service.Changes);
        Assert.Contains("reception (201): pairing p2 accepted: reception assists ann (answer, pickup), active; " + _site.OfficePath + " saved", _log.ToString());
    }

    [Fact]
    public void Decline_leaves_the_pairing_declined_and_gives_nothing()
    {
        var response = Send(Message("201", "pairing: p2\r\nanswer: decline\r\nuser: 201\r\n"));

        Assert.Equal((200, "OK"), response);
        Assert.Contains("p2   reception assists ann: answer, pickup; declined by reception", Shown);
        Assert.DoesNotContain("pendingPairings", Reception);
        Assert.DoesNotContain("\"kind\": \"shared\"", Reception);
        Assert.DoesNotContain("paired/203/201", DelegationTable);
    }

    [Fact]
    public void A_retransmitted_answer_gets_the_first_response_again_and_changes_nothing_more()
    {
        string message = Message("201", "pairing: p2\r\nanswer: accept\r\nuser: 201\r\n");

        var first = Send(message);
        var again = Send(message); // same Call-ID, CSeq and branch: the 200 was lost on the way

        Assert.Equal((200, "OK"), first);
        Assert.Equal((200, "OK"), again);
        Assert.Equal(1, _service.Changes);
    }

    [Fact]
    public void An_unknown_pairing_is_404_with_the_reason_and_office_json_is_left_as_it_was()
    {
        byte[] before = File.ReadAllBytes(_site.OfficePath);

        var response = Send(Message("201", "pairing: p9\r\nanswer: accept\r\nuser: 201\r\n"));

        Assert.Equal((404, "No pairing p9"), response);
        Assert.Equal(before, File.ReadAllBytes(_site.OfficePath));
        Assert.Equal(0, _service.Changes);
    }

    [Theory]
    [InlineData("203", "203", "ann asked for pairing p2; only reception or an admin can accept it")]   // the side that asked
    [InlineData("202", "202", "bob is not part of pairing p2 (reception assists ann)")]                  // someone else of the office
    [InlineData("299", "299", "299 is not a user of this office")]
    [InlineData("202", "201", "Sent by 202, not by 201")]                                               // answering for someone else
    public void Someone_who_is_not_the_other_side_is_refused_with_403_and_the_rules_words(string from, string user, string reason)
    {
        byte[] before = File.ReadAllBytes(_site.OfficePath);

        var response = Send(Message(from, $"pairing: p2\r\nanswer: accept\r\nuser: {user}\r\n"));

        Assert.Equal((403, reason), response);
        Assert.Equal(before, File.ReadAllBytes(_site.OfficePath));
    }

    [Fact]
    public void The_identity_the_proxy_asserts_is_the_sender()
    {
        var response = Send(Message("203", "pairing: p2\r\nanswer: accept\r\nuser: 201\r\n", "P-Asserted-Identity: <sip:201@office.example>"));

        Assert.Equal((200, "OK"), response);
    }

    [Theory]
    [InlineData("", "Empty body")]
    [InlineData("hello", "Not a 'name: value' line: 'hello'")]
    [InlineData("pairing: p2\r\nanswer: accept\r\n", "Missing 'user' line")]
    [InlineData("pairing: p2\r\nanswer: maybe\r\nuser: 201\r\n", "Answer 'maybe' is neither accept nor decline")]
    [InlineData("pairing: p2\r\nanswer: accept\r\nanswer: decline\r\nuser: 201\r\n", "'answer' given twice")]
    [InlineData("pairing: p2\r\nanswer: accept\r\nuser: 201\r\ncolour: red\r\n", "Unknown line 'colour' (expected pairing, answer, user)")]
    [InlineData("pairing: p 2\r\nanswer: accept\r\nuser: 201\r\n", "'p 2' is not a pairing id")]
    [InlineData("pairing: p2\r\nanswer: accept\r\nuser: bob\r\n", "'bob' is not an extension")]
    public void A_malformed_answer_is_400_saying_what_is_wrong(string body, string reason)
    {
        Assert.Equal((400, reason), Send(Message("201", body)));
        Assert.Equal(0, _service.Changes);
    }

    [Fact]
    public void Another_body_type_is_415_naming_the_one_taken_and_other_methods_are_405()
    {
        var (status, _, raw) = Exchange(Message("201", "yes please", contentType: "text/plain"));
        var options = Exchange(Request("OPTIONS", "201", "", null));
        var invite = Exchange(Request("INVITE", "201", "", null));

        Assert.Equal(415, status);
        Assert.Contains("Accept: application/x-deskphone-pairing\r\n", raw);
        Assert.Equal(200, options.Status);
        Assert.Contains("Allow: MESSAGE, OPTIONS\r\n", options.Raw);
        Assert.Equal(405, invite.Status);
    }

    [Fact]
    public void The_office_serve_command_listens_until_stopped_and_runs_the_reload_command_after_a_change()
    {
        _service.Dispose();
        string marker = Path.Combine(_site.Root, "reloaded");
        using var stop = new CancellationTokenSource();
        OfficeService? running = null;
        var listening = new ManualResetEventSlim();
        var command = new OfficeServeCommand { Stop = stop.Token, Listening = s => { running = s; listening.Set(); } };
        var output = new StringWriter();
        var options = Options.Parse(new[] { "--sip", "127.0.0.1:0", "--office", _site.OfficePath, "--out", _out, "--reload", $"echo \"$DESKPHONE_OUT\" > '{marker}'" },
            command.OptionNames, command.Name);
        var run = Task.Run(() => command.Run(options, TextWriter.Synchronized(output), TextWriter.Null));
        Assert.True(listening.Wait(TimeSpan.FromSeconds(10)), "office serve never listened");

        var response = Send(Message("201", "pairing: p2\r\nanswer: accept\r\nuser: 201\r\n"), running!.EndPoint);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(marker) && File.ReadAllText(marker).Length > 0, TimeSpan.FromSeconds(10)), "the reload command never ran");
        stop.Cancel();

        Assert.Equal(0, run.Wait(TimeSpan.FromSeconds(10)) ? run.Result : -1);
        Assert.Equal((200, "OK"), response);
        Assert.Equal(_out + "\n", File.ReadAllText(marker));
        Assert.StartsWith("listening on udp 127.0.0.1:", output.ToString());
        Assert.Contains($"reload: 'echo \"$DESKPHONE_OUT\" > '{marker}'' exited with 0", output.ToString());
        Assert.EndsWith("stopped; 1 change(s) to " + _site.OfficePath + "\n", output.ToString());
    }

    [Fact]
    public void The_command_wants_an_address_and_port()
    {
        var (code, _, errors) = _site.Run("office", "serve", "--sip", "localhost", "--out", _out, "--office", _site.OfficePath);

        Assert.Equal(2, code);
        Assert.StartsWith("deskphone-provision office serve: --sip: 'localhost' is not an address and port (e.g. 127.0.0.1:5099)\n", errors);
    }

    static int _sequence;

    static string Message(string from, string body, string? extraHeader = null, string contentType = PairingAnswer.ContentType) =>
        Request("MESSAGE", from, body, contentType, extraHeader);

    static string Request(string method, string from, string body, string? contentType, string? extraHeader = null)
    {
        int n = Interlocked.Increment(ref _sequence);
        var sb = new StringBuilder();
        sb.Append($"{method} sip:pairing@office.example SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKserve{n}-{Guid.NewGuid():N};rport\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        sb.Append($"From: <sip:{from}@office.example>;tag=t{n}\r\n");
        sb.Append("To: <sip:pairing@office.example>\r\n");
        sb.Append($"Call-ID: serve-{n}-{Guid.NewGuid():N}@test\r\n");
        sb.Append($"CSeq: 1 {method}\r\n");
        if (method == "INVITE") sb.Append($"Contact: <sip:{from}@127.0.0.1:5999>\r\n");
        if (extraHeader != null) sb.Append(extraHeader).Append("\r\n");
        if (contentType != null) sb.Append($"Content-Type: {contentType}\r\n");
        sb.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return sb.ToString();
    }

    (int Status, string Reason) Send(string request, IPEndPoint? to = null)
    {
        var (status, reason, _) = Exchange(request, to);
        return (status, reason);
    }

    /// <summary>Sends one datagram and reads the final response (bounded wait).</summary>
    (int Status, string Reason, string Raw) Exchange(string request, IPEndPoint? to = null)
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        udp.ReceiveTimeout = 10_000;
        udp.SendTo(Encoding.UTF8.GetBytes(request), to ?? _service.EndPoint);
        var buffer = new byte[65535];
        int n = udp.Receive(buffer);
        Assert.True(SipParser.TryParse(buffer, 0, n, out SipMessage response, out SipParseError error), error?.ToString());
        Assert.True(response.IsResponse);
        return (response.StatusCode, response.ReasonPhrase, Encoding.UTF8.GetString(buffer, 0, n));
    }
}
