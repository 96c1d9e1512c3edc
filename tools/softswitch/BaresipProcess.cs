// A real baresip user agent, headless, driven over its ctrl_tcp interface (netstring JSON).
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DeskPhone.Softswitch;

/// <summary>One event baresip reported (ctrl_tcp "event": true messages).</summary>
public sealed record BaresipEvent(string Type, string Class, string AccountAor, string? PeerUri, string? Param, string? CallId, string Json)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type} {Param}".TrimEnd();
}

/// <summary>
/// A headless baresip far end with a temporary config folder: SIP on a free 127.0.0.1 port, no sound
/// card (the aubridge module stands in for player and source), ctrl_tcp on another free port. The
/// account is created by <see cref="Register"/> (the "uanew" command) so that every registration
/// event reaches the test. Dispose kills baresip and deletes the folder; the log stays.
/// </summary>
public sealed class BaresipProcess : IDisposable
{
    const string ModuleDir = "/usr/lib/baresip/modules";
    static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    readonly KamailioProcess _kamailio;
    readonly string _password;
    readonly string _transport;
    readonly string _configDir;
    readonly object _gate = new();
    readonly List<BaresipEvent> _events = new();
    readonly Dictionary<string, JsonElement> _responses = new();
    Process? _process;
    ProcessLog? _log;
    TcpClient? _ctrl;
    Thread? _reader;
    int _token;

    /// <summary>Prepares (does not start) baresip for user@kamailio.Domain with that password.</summary>
    public BaresipProcess(KamailioProcess kamailio, string user, string password, string transport = "udp", BaresipAudio? audio = null)
    {
        _kamailio = kamailio;
        Audio = audio ?? new BaresipAudio();
        User = user;
        _password = password;
        _transport = transport;
        _configDir = Directory.CreateTempSubdirectory("deskphone-baresip-").FullName;
        LogPath = Path.Combine(InteropTools.LogDir, $"baresip-{user}-{Path.GetFileName(_configDir)}.log");
    }

    /// <summary>What baresip plays into calls, records from them, and which codecs it offers.</summary>
    public BaresipAudio Audio { get; }

    /// <summary>The SIP user name.</summary>
    public string User { get; }

    /// <summary>"sip:user@domain".</summary>
    public string Aor => _kamailio.Aor(User);

    /// <summary>baresip's SIP port on 127.0.0.1 (UDP and TCP).</summary>
    public int SipPort { get; private set; }

    /// <summary>The ctrl_tcp port on 127.0.0.1.</summary>
    public int ControlPort { get; private set; }

    /// <summary>baresip's output (with SIP trace), kept after the test.</summary>
    public string LogPath { get; }

    /// <summary>baresip's process id, once started.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get { lock (_gate) return _events.ToArray(); }
    }

    /// <summary>Starts baresip and waits (bounded) until its control interface accepts a connection.</summary>
    public BaresipProcess Start(TimeSpan? timeout = null)
    {
        var baresip = InteropTools.RequireExecutable("baresip", "baresip-core");
        foreach (var module in Audio.Codecs.Concat(new[] { "aubridge", "aufile", "sndfile", "account", "menu", "ctrl_tcp" }))
            InteropTools.RequirePath(Path.Combine(ModuleDir, module + ".so"), "baresip-core");
        _log = new ProcessLog(LogPath);

        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            SipPort = FreePorts.UdpAndTcp();
            ControlPort = FreePorts.Tcp();
            WriteConfig();
            WriteLog($"# harness: attempt {attempt}, SIP port {SipPort}, ctrl_tcp port {ControlPort}");
            _process = Launch(baresip);
            try
            {
                Connect(timeout ?? DefaultWait);
                return this;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                last = e;
                ProcessReaper.Kill(_process);
                _process = null;
            }
        }
        throw new InvalidOperationException($"baresip did not start; log {LogPath}:\n{InteropTools.Tail(LogPath)}", last);
    }

    void WriteConfig()
    {
        var config = $"""
            # written by the DeskPhone interop harness
            poll_method          epoll
            sip_listen           127.0.0.1:{SipPort}
            call_local_timeout   120
            call_max_calls       4
            # no sound card: aubridge plays into nothing; the source is aubridge (silence) or a WAV file
            audio_player         aubridge,nil
            audio_source         {(Audio.SourceWav == null ? "aubridge,nil" : "aufile," + Audio.SourceWav)}
            audio_alert          aubridge,nil
            rtp_ports            30000-39999
            # never ask a real name server
            dns_server           127.0.0.1:53
            module_path          {ModuleDir}
            {string.Join("\n", Audio.Codecs.Select(c => $"module               {c}.so"))}
            module               aubridge.so
            module               aufile.so
            {(Audio.RecordDirectory == null ? "" : $"module               sndfile.so\nsnd_path             {Audio.RecordDirectory}")}
            module_tmp           account.so
            module_app           menu.so
            module_app           ctrl_tcp.so
            ctrl_tcp_listen      127.0.0.1:{ControlPort}

            """;
        File.WriteAllText(Path.Combine(_configDir, "config"), config);
        File.WriteAllText(Path.Combine(_configDir, "accounts"), "");
        File.WriteAllText(Path.Combine(_configDir, "contacts"), "");
    }

    Process Launch(string baresip)
    {
        // stdbuf makes baresip's stdout line-buffered, so the log is complete up to the moment of a failure.
        var stdbuf = File.Exists("/usr/bin/stdbuf") ? "/usr/bin/stdbuf" : null;
        var info = new ProcessStartInfo(stdbuf ?? baresip)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _configDir,
        };
        if (stdbuf != null) foreach (var a in new[] { "-oL", "-eL", baresip }) info.ArgumentList.Add(a);
        foreach (var a in new[] { "-s", "-f", _configDir }) info.ArgumentList.Add(a);
        return _log!.Start(info);
    }

    void WriteLog(string? line) => _log?.WriteLine(line);

    void Connect(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"baresip exited with {_process.ExitCode}");
            var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                // Bounded by the loop: refused at once while baresip is still starting.
                client.Connect(IPAddress.Loopback, ControlPort);
                _ctrl = client;
                _reader = new Thread(ReadLoop) { IsBackground = true, Name = "baresip-ctrl-" + User };
                _reader.Start();
                return;
            }
            catch (SocketException)
            {
                client.Dispose();
                if (DateTime.UtcNow >= deadline) throw new TimeoutException($"ctrl_tcp on port {ControlPort} not reachable");
                // Poll again after ≤ 50 ms; the wait ends early if baresip exits.
                _process.WaitForExit(50);
            }
        }
    }

    /// <summary>Creates the account (uanew) and waits for REGISTER_OK or REGISTER_FAIL, which it returns.</summary>
    public BaresipEvent Register(TimeSpan? timeout = null)
    {
        var transport = _transport == "udp" ? "" : ";transport=" + _transport;
        var account = $"<{Aor}{transport}>;auth_pass={_password};outbound=\"{_kamailio.ProxyUri}{transport}\";regint=600;answermode=manual";
        Command("uanew", account);
        return WaitForEvent(e => e.Type is "REGISTER_OK" or "REGISTER_FAIL", "REGISTER_OK or REGISTER_FAIL", timeout);
    }

    /// <summary>
    /// Creates the account without registering it, authenticating as <paramref name="authUser"/> with
    /// this process's password: a phone that places calls with someone else's identity (an assistant
    /// calling as their executive), which Kamailio must refuse unless a pairing allows it.
    /// </summary>
    public void UseAccountWithoutRegistering(string authUser)
    {
        var transport = _transport == "udp" ? "" : ";transport=" + _transport;
        Command("uanew", $"<{Aor}{transport}>;auth_user={authUser};auth_pass={_password};outbound=\"{_kamailio.ProxyUri}{transport}\";regint=0;answermode=manual");
    }

    /// <summary>Places a call to the URI (dial).</summary>
    public void Dial(string uri) => Command("dial", uri);

    /// <summary>Answers the ringing call (accept).</summary>
    public void Answer() => Command("accept");

    /// <summary>Sends one DTMF digit on the current call (sndcode: RFC 4733 when negotiated, else SIP INFO).</summary>
    public void SendDtmf(char digit) => Command("sndcode", digit.ToString());

    /// <summary>
    /// The audio baresip decoded from the far end during its calls (sndfile's "dump-…-dec.wav"), newest
    /// last; empty without <see cref="BaresipAudio.RecordDirectory"/>.
    /// </summary>
    public string[] ReceivedAudioFiles() => Audio.RecordDirectory == null
        ? Array.Empty<string>()
        : Directory.GetFiles(Audio.RecordDirectory, "dump-*-dec.wav").OrderBy(File.GetLastWriteTimeUtc).ToArray();

    /// <summary>Ends the current call (hangup).</summary>
    public void Hangup() => Command("hangup");

    /// <summary>Sends a ctrl_tcp command and waits for its response; returns the response's data text.</summary>
    public string Command(string command, string parameters = "", TimeSpan? timeout = null)
    {
        var stream = _ctrl?.GetStream() ?? throw new InvalidOperationException("not started");
        var token = "t" + Interlocked.Increment(ref _token);
        var json = JsonSerializer.Serialize(new { command, @params = parameters, token });
        var body = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(body.Length + ":").Concat(body).Append((byte)',').ToArray();
        lock (stream) stream.Write(frame);
        WriteLog("# harness -> ctrl: " + json);

        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        lock (_gate)
        {
            while (!_responses.ContainsKey(token))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _reader is not { IsAlive: true })
                    throw new TimeoutException($"baresip {User}: no response to '{command}'; log {LogPath}");
                Monitor.Wait(_gate, left);
            }
            var response = _responses[token];
            _responses.Remove(token);
            var data = response.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
            if (response.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
                throw new InvalidOperationException($"baresip {User}: '{command} {parameters}' failed: {data}");
            return data;
        }
    }

    /// <summary>Waits (bounded) for the first event of that type not yet returned by a wait, and returns it.</summary>
    public BaresipEvent WaitForEvent(string type, TimeSpan? timeout = null) =>
        WaitForEvent(e => e.Type == type, type, timeout);

    readonly HashSet<BaresipEvent> _consumed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Waits (bounded) for the first event matching the condition not yet returned by a wait.</summary>
    public BaresipEvent WaitForEvent(Func<BaresipEvent, bool> match, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        lock (_gate)
        {
            while (true)
            {
                var found = _events.FirstOrDefault(e => !_consumed.Contains(e) && match(e));
                if (found != null)
                {
                    _consumed.Add(found);
                    return found;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _reader is not { IsAlive: true })
                {
                    throw new TimeoutException(
                        $"baresip {User}: no {description} event; saw [{string.Join(", ", _events)}]; log {LogPath}");
                }
                Monitor.Wait(_gate, left);
            }
        }
    }

    void ReadLoop()
    {
        var stream = _ctrl!.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (true)
            {
                var n = stream.Read(chunk);
                if (n == 0) break;
                buffer.AddRange(chunk.AsSpan(0, n).ToArray());
                while (TryTakeNetstring(buffer, out var message)) Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // connection closed: baresip ended or we disposed
        }
        finally
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }
    }

    static bool TryTakeNetstring(List<byte> buffer, out string message)
    {
        message = "";
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0) return false;
        var length = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()));
        if (buffer.Count < colon + 1 + length + 1) return false;
        message = Encoding.UTF8.GetString(buffer.GetRange(colon + 1, length).ToArray());
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    void Dispatch(string message)
    {
        WriteLog("# harness <- ctrl: " + message);
        using var doc = JsonDocument.Parse(message);
        var root = doc.RootElement.Clone();
        lock (_gate)
        {
            if (root.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.True)
            {
                string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                _events.Add(new BaresipEvent(Get("type") ?? "", Get("class") ?? "", Get("accountaor") ?? "",
                    Get("peeruri"), Get("param"), Get("id"), message));
            }
            else if (root.TryGetProperty("token", out var token) && token.GetString() is { } t)
            {
                _responses[t] = root;
            }
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Polls baresip's log (every 50 ms, at most the timeout, default 10 s) until it holds the text.</summary>
    public bool WaitForLog(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait); // returns as soon as the text is there; a loaded CI machine flushes late
        while (true)
        {
            string content;
            using (var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream))
                content = reader.ReadToEnd();
            if (content.Contains(text, StringComparison.Ordinal)) return true;
            if (DateTime.UtcNow >= deadline) return false;
            _process?.WaitForExit(50);
        }
    }

    /// <summary>Kills baresip, closes the control connection, deletes the config folder; the log stays.</summary>
    public void Dispose()
    {
        _ctrl?.Dispose();
        if (_process != null)
        {
            ProcessReaper.Kill(_process);
            var process = _process;
            Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(5));
            process.Dispose();
            _process = null;
        }
        _reader?.Join(TimeSpan.FromSeconds(2));
        _log?.Dispose();
        _log = null;
        try
        {
            Directory.Delete(_configDir, recursive: true);
        }
        catch (IOException)
        {
            // left to the OS temp cleaner
        }
    }
}

/// <summary>
/// baresip's audio for a test: the codec modules in order of preference (default G.711 only), a WAV
/// file it sends into every call (its sample rate must be the codec's: 8000 for G.711, 16000 for
/// G.722), and a folder where the sndfile module records what it sent and received.
/// </summary>
public sealed record BaresipAudio
{
    /// <summary>Codec modules, most preferred first ("g722", "g711").</summary>
    public IReadOnlyList<string> Codecs { get; init; } = new[] { "g711" };

    /// <summary>A mono 16-bit WAV sent as the microphone (played once, then silence); null = silence.</summary>
    public string? SourceWav { get; init; }

    /// <summary>Where sndfile writes dump-…-enc.wav (sent) and dump-…-dec.wav (received); null = no recording.</summary>
    public string? RecordDirectory { get; init; }
}
