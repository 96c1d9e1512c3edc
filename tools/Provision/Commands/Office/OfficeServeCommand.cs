// office serve: the service that takes the phones' accept/decline of pairing requests.
using System.Net;
using System.Runtime.InteropServices;
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Serve;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>
/// office serve: runs <see cref="OfficeService"/> on <c>--sip HOST:PORT</c> until Ctrl-C or SIGTERM
/// (or <see cref="Stop"/>, for tests). office.json must be readable at start; it is read again for each answer.
/// </summary>
public sealed class OfficeServeCommand : ICommand
{
    public string Name => "office serve";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "sip", "office", "out", "profiles", "reload" };
    public string Usage => "office serve --sip 127.0.0.1:PORT --out DIR [--office office.json] [--profiles DIR] [--reload COMMAND]";
    public string Summary => "answer the phones' accept/decline of pairing requests (SIP MESSAGE over UDP, routed by Kamailio): apply them to office.json, provision into DIR again, then run COMMAND";

    /// <summary>Ends the service when cancelled (besides Ctrl-C and SIGTERM).</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Called once the service listens (tests learn the port from it).</summary>
    public Action<OfficeService>? Listening { get; init; }

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        IPEndPoint listen = Endpoint(options.Required("sip"));
        string outDir = options.Required("out");
        string path = options.Optional("office", OfficeCommand.DefaultFile);
        string? profiles = options.Get("profiles");
        string? reload = options.Get("reload");
        if (OfficeCommand.Load(path, errors, out bool loaded) == null || !loaded) return ProvisionApp.Failed;

        OfficeService service;
        try
        {
            service = new OfficeService(listen, path, outDir, profiles, reload, TextWriter.Synchronized(output));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ProvisionException($"cannot listen on udp {listen}: {e.Message}");
        }
        using (service)
        using (var stopped = new ManualResetEventSlim())
        using (Stop.Register(stopped.Set))
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.Set(); }))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.Set(); }))
        {
            service.Start();
            Listening?.Invoke(service);
            stopped.Wait();
        }
        output.WriteLine($"stopped; {service.Changes} change(s) to {path}");
        return ProvisionApp.Ok;
    }

    /// <summary>"127.0.0.1:5099" (port 0: any free one).</summary>
    static IPEndPoint Endpoint(string text)
    {
        if (!IPEndPoint.TryParse(text, out IPEndPoint? endpoint) || !text.Contains(':'))
        {
            throw new UsageException($"--sip: '{text}' is not an address and port (e.g. 127.0.0.1:5099)");
        }
        return endpoint;
    }
}
