// A real Kamailio with our tools/softswitch/kamailio config, on a free loopback port, for one test.
using System.Diagnostics;
using System.Net;

namespace DeskPhone.Softswitch;

/// <summary>
/// Starts Kamailio in the foreground (-DD -E) with tools/softswitch/kamailio/kamailio.cfg on 127.0.0.1,
/// UDP and TCP on one free port, db_text tables in a temporary folder. Add subscribers, then
/// <see cref="Start"/>: Kamailio reads the subscriber table once. Dispose kills it and its children
/// and deletes the folder; the log stays in <see cref="InteropTools.LogDir"/>.
/// </summary>
public sealed class KamailioProcess : IDisposable
{
    static int _sequence;
    readonly List<(string User, string Password)> _subscribers = new();
    readonly string _tempDir;
    Process? _process;
    ProcessLog? _log;

    /// <summary>Prepares (does not start) a Kamailio serving <paramref name="domain"/> on a free port, logging with the tests' logs.</summary>
    public KamailioProcess(string domain = "office.example")
        : this(domain, null, null)
    {
    }

    /// <summary>
    /// Prepares a Kamailio on <paramref name="fixedPort"/> (null = a free port) logging to
    /// <paramref name="logPath"/> (null = with the tests' logs): the demo uses 5060, as the example devices say.
    /// </summary>
    public KamailioProcess(string domain, int? fixedPort, string? logPath)
    {
        Domain = domain;
        FixedPort = fixedPort;
        _tempDir = Directory.CreateTempSubdirectory("deskphone-kamailio-").FullName;
        LogPath = logPath ?? Path.Combine(InteropTools.LogDir, $"kamailio-{Interlocked.Increment(ref _sequence):D2}-{Environment.ProcessId}.log");
    }

    /// <summary>The port asked for, or null for any free one.</summary>
    public int? FixedPort { get; }

    /// <summary>The SIP domain the subscribers belong to (an alias of the server).</summary>
    public string Domain { get; }

    /// <summary>The listening address: always 127.0.0.1.</summary>
    public IPAddress Address => IPAddress.Loopback;

    /// <summary>The UDP and TCP port, known once started.</summary>
    public int Port { get; private set; }

    /// <summary>Address and port as an endpoint.</summary>
    public IPEndPoint EndPoint => new(Address, Port);

    /// <summary>"sip:127.0.0.1:PORT": the outbound proxy / registrar for the far ends.</summary>
    public string ProxyUri => $"sip:127.0.0.1:{Port}";

    /// <summary>Kamailio's stderr and stdout, kept after the test.</summary>
    public string LogPath { get; }

    /// <summary>The folder holding the db_text tables (deleted on Dispose).</summary>
    public string DatabaseDir => Path.Combine(_tempDir, "db");

    /// <summary>Kamailio's main process id (its children are forked workers), once started.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>Adds user@Domain with that password to the subscriber table. Only before Start.</summary>
    public KamailioProcess AddSubscriber(string user, string password)
    {
        if (_process != null) throw new InvalidOperationException("add subscribers before Start: Kamailio's db_text reads them once");
        _subscribers.Add((user, password));
        return this;
    }

    /// <summary>"sip:user@Domain".</summary>
    public string Aor(string user) => $"sip:{user}@{Domain}";

    /// <summary>
    /// Writes the tables, starts Kamailio and waits (bounded) until it answers an OPTIONS over UDP.
    /// Retries on another port if the chosen one was taken in the meantime.
    /// </summary>
    public KamailioProcess Start(TimeSpan? timeout = null)
    {
        var kamailio = InteropTools.RequireExecutable("kamailio", "kamailio");
        InteropTools.RequirePath("/usr/share/kamailio/dbtext/kamailio/version", "kamailio");
        var cfg = Path.Combine(InteropTools.SoftswitchDir, "kamailio.cfg");
        WriteTables();
        _log = new ProcessLog(LogPath);

        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Port = FixedPort ?? FreePorts.UdpAndTcp();
            WriteLog($"# harness: attempt {attempt}, port {Port}");
            _process = Launch(kamailio, cfg);
            try
            {
                WaitUntilAnswering(timeout ?? TimeSpan.FromSeconds(15));
                return this;
            }
            catch (KamailioStartException e)
            {
                last = e;
                ProcessReaper.Kill(_process);
                _process = null;
                if (!e.PortTaken) break;
                if (FixedPort != null)
                    throw new InvalidOperationException($"port {FixedPort} is taken (is Debian's kamailio service running? 'systemctl disable --now kamailio')", e);
            }
        }
        throw new InvalidOperationException($"Kamailio did not start; log {LogPath}:\n{InteropTools.Tail(LogPath)}", last);
    }

    Process Launch(string kamailio, string cfg)
    {
        var runDir = Directory.CreateDirectory(Path.Combine(_tempDir, "run")).FullName;
        var info = new ProcessStartInfo(kamailio)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _tempDir,
        };
        foreach (var a in new[]
                 {
                     "-f", cfg, "-DD", "-E", "-Y", runDir, "-m", "64", "-M", "8",
                     "-A", $"SIP_PORT={Port}",
                     "-A", $"SIP_SERVER=\"sip:127.0.0.1:{Port}\"",
                     "-A", $"SIP_DOMAIN={Domain}",
                     "-A", $"DBURL=\"text://{DatabaseDir}\"",
                     "-A", "LOOPBACK_MEDIA",
                 })
        {
            info.ArgumentList.Add(a);
        }
        return _log!.Start(info);
    }

    void WriteLog(string? line) => _log?.WriteLine(line);

    void WaitUntilAnswering(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var probe = new SipProbe(EndPoint);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                _process.WaitForExit(); // drain the log
                var tail = InteropTools.Tail(LogPath, 60);
                throw new KamailioStartException($"kamailio exited with {_process.ExitCode}", tail.Contains("Address already in use"));
            }
            try
            {
                probe.Send("OPTIONS", ProxyUri, "sip:harness@invalid.example", ProxyUri, timeout: TimeSpan.FromMilliseconds(50));
                return;
            }
            catch (TimeoutException)
            {
                // not listening yet: poll again
            }
            catch (System.Net.Sockets.SocketException)
            {
                // ICMP port unreachable surfaces as a reset on Linux: not listening yet
            }
        }
        throw new KamailioStartException($"kamailio did not answer OPTIONS on {EndPoint} within {timeout.TotalSeconds:0} s", false);
    }

    void WriteTables()
    {
        // The same scripts an installer uses by hand (tools/softswitch/kamailio/README.md).
        RunScript("init-db.sh", DatabaseDir);
        foreach (var (user, password) in _subscribers) RunScript("add-subscriber.sh", DatabaseDir, user, Domain, password);
    }

    static void RunScript(string script, params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(InteropTools.SoftswitchDir, script));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var run = Process.Start(info)!;
        var stderr = run.StandardError.ReadToEndAsync();
        var stdout = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        if (run.ExitCode != 0)
        {
            var message = $"{script} {string.Join(' ', args)} failed: {stdout}{stderr.Result}";
            throw stderr.Result.Contains("install") ? new InteropSetupException(message) : new InvalidOperationException(message);
        }
    }

    /// <summary>Kills Kamailio and its workers, deletes the temporary folder; the log stays.</summary>
    public void Dispose()
    {
        if (_process != null)
        {
            ProcessReaper.Kill(_process);
            // Lets the log readers reach the end of Kamailio's output (bounded: the tree is dead).
            var process = _process;
            Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(5));
            _process.Dispose();
            _process = null;
        }
        _log?.Dispose();
        _log = null;
        try
        {
            Directory.Delete(_tempDir, recursive: true);
        }
        catch (IOException)
        {
            // a worker still closing a table file: leave it to the OS temp cleaner
        }
    }

    sealed class KamailioStartException(string message, bool portTaken) : Exception(message)
    {
        public bool PortTaken { get; } = portTaken;
    }
}
