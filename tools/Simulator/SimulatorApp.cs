// The simulator as a program: phones plus the control API and the view page, on loopback.
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DeskPhone.Simulator;

/// <summary>A running simulator: dispose to stop the API and the phones.</summary>
public sealed class SimulatorApp : IAsyncDisposable
{
    private readonly WebApplication _web;

    private SimulatorApp(WebApplication web, PhoneHost host, string url)
    {
        _web = web;
        Host = host;
        Url = url;
    }

    /// <summary>The phones.</summary>
    public PhoneHost Host { get; }

    /// <summary>The API's base address, e.g. http://127.0.0.1:8080.</summary>
    public string Url { get; }

    /// <summary>Starts phones and the API on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public static async Task<SimulatorApp> StartAsync(HostOptions options, int port, bool withView = true)
    {
        var host = new PhoneHost(options);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var web = builder.Build();
            web.UseExceptionHandler(errors => errors.Run(async context =>
            {
                var e = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                context.Response.StatusCode = e switch
                {
                    PhoneNotFoundException => 404,
                    BadRequestException or SimulatorException or BadHttpRequestException => 400,
                    InvalidOperationException => 409,
                    _ => 500,
                };
                await context.Response.WriteAsJsonAsync(new { error = e?.Message ?? "unknown error" });
            }));
            if (withView) web.MapGet("/", () => Results.Content(ViewPage.Html, "text/html; charset=utf-8"));
            ControlApi.Map(web, host);
            try
            {
                await web.StartAsync();
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new SimulatorException($"port {port} on 127.0.0.1 is in use (another simulator?): pass --port with a free one, or --port 0");
            }
            var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SimulatorApp(web, host, address.Replace("[::1]", "127.0.0.1"));
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        Host.Dispose();
    }
}
