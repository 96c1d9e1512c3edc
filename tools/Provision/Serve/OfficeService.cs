// 'office serve': takes the phones' answers to pairing requests (SIP MESSAGE over UDP), applies them to office.json and provisions again.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Commands;

namespace DeskPhone.Provision.Serve;

/// <summary>
/// A SIP endpoint on UDP that the softswitch sends pairing answers to (tools/softswitch/kamailio/pairing.cfg
/// routes <c>MESSAGE sip:pairing@DOMAIN</c> here after authenticating the sender). For each MESSAGE with a
/// <see cref="PairingAnswer"/> body it reads office.json afresh, applies accept or decline as the sending
/// user through <see cref="Delegation"/> (the same rules as 'office accept'), writes the device files and
/// softswitch tables again (<see cref="ProvisionCommand.Generate"/>), saves office.json, answers 200 and
/// runs the reload command if one is set. Answers:
/// 400 an unreadable body (the reason says what is wrong), 403 the sender is not the body's user, not a
/// user of the office, or not the side that may answer (the rules' words), 404 no such pairing,
/// 405 other methods (OPTIONS gets 200), 415 another body type, 500 office.json or the generated files
/// have errors (nothing changes). The sender is the P-Asserted-Identity the proxy adds, else From: the
/// service trusts the proxy's authentication, so it must listen where only the proxy reaches it.
/// Retransmissions get the first answer again (32 s), never a second change.
/// </summary>
public sealed class OfficeService : IDisposable
{
    /// <summary>How long an answer is kept for retransmissions of its request (64·T1).</summary>
    public static readonly TimeSpan RetransmissionWindow = TimeSpan.FromSeconds(32);

    readonly string _officePath;
    readonly string _outDir;
    readonly string? _profiles;
    readonly string? _reload;
    readonly TextWriter _log;
    readonly Socket _socket;
    readonly Dictionary<string, (byte[] Answer, DateTime At)> _answered = new();
    readonly object _logLock = new();
    Thread? _thread;
    volatile bool _stopping;
    int _changes;

    /// <summary>A service on <paramref name="listen"/> (port 0: any free one) for <paramref name="officePath"/>, provisioning into <paramref name="outDir"/>.</summary>
    public OfficeService(IPEndPoint listen, string officePath, string outDir, string? profiles, string? reloadCommand, TextWriter log)
    {
        _officePath = officePath;
        _outDir = outDir;
        _profiles = profiles;
        _reload = reloadCommand;
        _log = log;
        _socket = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(listen);
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>"sip:127.0.0.1:PORT": where the proxy sends the MESSAGEs.</summary>
    public string Uri => $"sip:{EndPoint.Address}:{EndPoint.Port}";

    /// <summary>How many answers changed office.json so far.</summary>
    public int Changes => Volatile.Read(ref _changes);

    /// <summary>Starts answering on a background thread.</summary>
    public OfficeService Start()
    {
        _thread = new Thread(Receive) { IsBackground = true, Name = "office serve" };
        _thread.Start();
        Log($"listening on udp {EndPoint} for pairing answers; office {_officePath}, output {_outDir}");
        return this;
    }

    void Receive()
    {
        var buffer = new byte[65535];
        while (!_stopping)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping) return;
                continue; // an ICMP error from an earlier answer: keep listening
            }
            byte[] datagram = buffer[..n];
            try
            {
                byte[]? answer = Answer(datagram, (IPEndPoint)from);
                if (answer != null) _socket.SendTo(answer, from);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping) return;
            }
        }
    }

    /// <summary>The bytes to send back for one datagram, or null for none (responses, ACK, unreadable junk).</summary>
    byte[]? Answer(byte[] datagram, IPEndPoint from)
    {
        if (!SipParser.TryParse(datagram, 0, datagram.Length, out SipMessage request, out SipParseError error))
        {
            if (!error.CanAnswer) return null;
            Log($"{from}: unreadable request: {error.Status} {error.Reason}");
            return SipMessage.CreateResponse(error.Partial, error.Status, error.Reason).ToBytes();
        }
        if (request.IsResponse || request.Method == SipMethods.Ack) return null;
        string key = request.CallId + "|" + request.CSeqNumber + "|" + request.CSeqMethod + "|" + request.TopVia?.Branch;
        DateTime now = DateTime.UtcNow;
        foreach (var old in _answered.Where(a => now - a.Value.At > RetransmissionWindow).Select(a => a.Key).ToList()) _answered.Remove(old);
        if (_answered.TryGetValue(key, out var earlier)) return earlier.Answer;

        SipMessage response = Handle(request, from, out bool changed);
        byte[] bytes = response.ToBytes();
        _answered[key] = (bytes, now);
        if (changed)
        {
            _socket.SendTo(bytes, from); // the phone hears at once; the reload may take a while
            RunReload();
            return null;
        }
        return bytes;
    }

    SipMessage Handle(SipMessage request, IPEndPoint from, out bool changed)
    {
        changed = false;
        if (request.Method == SipMethods.Options) return Allow(Respond(request, 200, "OK"));
        if (request.Method != SipMethods.Message) return Allow(Respond(request, 405, "Method Not Allowed"));
        if (!string.Equals(request.ContentMediaType, PairingAnswer.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            SipMessage r = Respond(request, 415, "Unsupported Media Type");
            r.SetHeader(SipHeaderNames.Accept, PairingAnswer.ContentType);
            return r;
        }
        if (!PairingAnswer.TryParse(request.BodyText ?? "", out PairingAnswer? answer, out string why))
        {
            return Refuse(request, from, 400, why);
        }
        string? sender = Sender(request);
        if (sender == null) return Refuse(request, from, 400, "No SIP user in From");
        if (sender != answer!.User) return Refuse(request, from, 403, $"Sent by {sender}, not by {answer.User}");

        OfficeDirectory office;
        try
        {
            office = OfficeFile.Load(_officePath);
        }
        catch (OfficeFileException e)
        {
            foreach (OfficeError problem in e.Errors) Log(problem.ToString());
            return Refuse(request, from, 500, $"{Path.GetFileName(_officePath)} has {e.Errors.Count} error(s)");
        }
        User? user = office.Users.FirstOrDefault(u => u.Extension == sender);
        if (user == null) return Refuse(request, from, 403, $"{sender} is not a user of this office");
        if (office.FindPairing(answer.PairingId) == null) return Refuse(request, from, 404, $"No pairing {answer.PairingId}");

        Outcome outcome = answer.Accept
            ? Delegation.Accept(office, answer.PairingId, Actor.User(user.Id))
            : Delegation.Decline(office, answer.PairingId, Actor.User(user.Id));
        if (!outcome.Ok) return Refuse(request, from, 403, outcome.Message);

        var output = new StringWriter();
        var errors = new StringWriter();
        if (!ProvisionCommand.Generate(office, _officePath, _outDir, _profiles, output, errors))
        {
            Log(errors.ToString().TrimEnd());
            return Refuse(request, from, 500, "Provisioning failed; nothing changed");
        }
        OfficeFile.Save(_officePath, office);
        Interlocked.Increment(ref _changes);
        changed = true;
        Log($"{from}: {user.Id} ({sender}): {outcome.Message}; {_officePath} saved");
        Log(output.ToString().TrimEnd());
        return Respond(request, 200, "OK");
    }

    /// <summary>The SIP user of P-Asserted-Identity (added by the proxy) when present, else of From.</summary>
    static string? Sender(SipMessage request)
    {
        string? asserted = request.GetHeader("P-Asserted-Identity");
        SipNameAddr? who = asserted != null ? SipNameAddr.Parse(asserted) : request.From;
        string? user = who?.Uri?.User;
        return string.IsNullOrEmpty(user) ? null : user;
    }

    SipMessage Refuse(SipMessage request, IPEndPoint from, int status, string reason)
    {
        Log($"{from}: {request.Method} {request.RequestUriText}: {status} {reason}");
        return Respond(request, status, reason);
    }

    static SipMessage Respond(SipMessage request, int status, string reason)
    {
        // A reason phrase is one line of text (RFC 3261 §25.1).
        string phrase = new string(reason.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        if (phrase.Length > 200) phrase = phrase[..200];
        return SipMessage.CreateResponse(request, status, phrase, request.ToTag == null ? Guid.NewGuid().ToString("N")[..10] : null);
    }

    static SipMessage Allow(SipMessage response)
    {
        response.SetHeader(SipHeaderNames.Allow, "MESSAGE, OPTIONS");
        response.SetHeader(SipHeaderNames.Accept, PairingAnswer.ContentType);
        return response;
    }

    /// <summary>Runs the --reload command (e.g. loading the new tables into Kamailio) after a change.</summary>
    void RunReload()
    {
        if (_reload == null) return;
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_reload);
        info.Environment["DESKPHONE_OUT"] = _outDir;
        try
        {
            using Process run = Process.Start(info)!;
            Task<string> stderr = run.StandardError.ReadToEndAsync();
            string stdout = run.StandardOutput.ReadToEnd();
            if (!run.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                run.Kill(entireProcessTree: true);
                Log($"reload: '{_reload}' still running after 60 s: stopped");
                return;
            }
            string said = (stdout + stderr.Result).Trim();
            Log($"reload: '{_reload}' exited with {run.ExitCode}" + (said.Length == 0 ? "" : ": " + said));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Log($"reload: '{_reload}' could not run: {e.Message}");
        }
    }

    void Log(string line)
    {
        if (line.Length == 0) return;
        lock (_logLock) _log.WriteLine(line);
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _stopping = true;
        _socket.Dispose();
        _thread?.Join(TimeSpan.FromSeconds(5));
    }
}
