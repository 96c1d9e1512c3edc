// The testers' control API: HTTP + JSON on loopback, one route per thing a person does to a phone.
using DeskPhone.Firmware.Lamps;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;

namespace DeskPhone.Simulator;

/// <summary>Maps the control API's routes (documented in tools/Simulator/README.md).</summary>
public static partial class ControlApi
{
    /// <summary>Default hold of a key press, in ms.</summary>
    public const int PressMs = 100;

    /// <summary>Hold of a long press, in ms.</summary>
    public const int LongPressMs = 1500;

    /// <summary>Adds the routes to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, PhoneHost host)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/phones", () => host.Phones.Select(p => Summary(host, p)));
        api.MapGet("/phones/{id}", (string id) => Summary(host, host.Get(id)));

        api.MapPost("/phones/{id}/keys/{key}/press", (string id, string key, int? holdMs) =>
        {
            var p = host.Get(id);
            host.Press(p, KeyCode(key), holdMs ?? PressMs);
            return Summary(host, p);
        });
        api.MapPost("/phones/{id}/keys/{key}/long-press", (string id, string key) =>
        {
            var p = host.Get(id);
            host.Press(p, KeyCode(key), LongPressMs);
            return Summary(host, p);
        });
        api.MapPost("/phones/{id}/keys/{key}/down", (string id, string key) =>
        {
            var p = host.Get(id);
            host.Edge(p, KeyCode(key), true);
            return Summary(host, p);
        });
        api.MapPost("/phones/{id}/keys/{key}/up", (string id, string key) =>
        {
            var p = host.Get(id);
            host.Edge(p, KeyCode(key), false);
            return Summary(host, p);
        });
        api.MapPost("/phones/{id}/hook/{state}", (string id, string state) =>
        {
            var p = host.Get(id);
            if (state != "off" && state != "on") throw new BadRequestException("hook state is 'off' (lift the handset) or 'on' (hang up), not '" + state + "'");
            host.Edge(p, KeyCodes.Hook, state == "off");
            return Summary(host, p);
        });
        api.MapPost("/phones/{id}/dial", (string id, DialRequest body) =>
        {
            var p = host.Get(id);
            string digits = body?.Digits ?? "";
            foreach (char c in digits)
                if (!(c is >= '0' and <= '9' or '*' or '#')) throw new BadRequestException($"'{c}' is not a dial pad key (0-9, *, #)");
            foreach (char c in digits)
            {
                host.Press(p, KeyCode(c.ToString()), 80);
                host.Wait(80);
            }
            return Summary(host, p);
        });

        MapOutcomes(api, host); // ControlApi.Outcomes.cs
        api.MapGet("/phones/{id}/lamps", (string id) => Lamps(host, host.Get(id)));
        api.MapGet("/phones/{id}/display", (string id) =>
        {
            var p = host.Get(id);
            return host.Do(p, () => new
            {
                lines = p.Firmware.Screen.TextLines(),
                mode = p.Firmware.Mode.ToString().ToLowerInvariant(),
                pagesWritten = p.Display.TotalPageWrites,
                poweredOn = p.Display.PoweredOn,
                contrast = p.Display.Contrast,
            });
        });
        api.MapGet("/phones/{id}/display.png", (string id, int? scale) =>
        {
            var p = host.Get(id);
            int s = scale ?? 1;
            if (s < 1 || s > 16) throw new BadRequestException("scale is 1 to 16");
            return Results.File(host.Do(p, () => p.Display.ToPng(s)), "image/png");
        });
        api.MapGet("/phones/{id}/display.txt", (string id) =>
        {
            var p = host.Get(id);
            return Results.Text(host.Do(p, () => p.Display.ToAsciiArt()), "text/plain");
        });
        api.MapGet("/phones/{id}/calls", (string id) =>
        {
            var p = host.Get(id);
            return host.Do(p, () =>
            {
                var manager = p.Firmware.Calls;
                var calls = new List<object>();
                for (int i = 0; manager != null && i < manager.Count; i++)
                {
                    var c = manager.CallAt(i);
                    calls.Add(new
                    {
                        number = c.Number,
                        direction = c.Direction == DeskPhone.Firmware.Sip.Call.CallDirection.Incoming ? "incoming" : "outgoing",
                        state = DeskPhone.Firmware.Sip.Call.CallStates.Name(c.State).ToLowerInvariant(),
                        remote = c.RemoteUri,
                        remoteName = c.RemoteDisplayName,
                        onHold = c.LocalHold,
                        callId = c.CallId,
                    });
                }
                return new { registration = Registration(p), registrationProblem = p.Firmware.RegistrationProblem, calls, media = Media(p) };
            });
        });
        SimContacts.Map(api, host); // SimContacts.cs: GET /phones/{id}/contacts[?number=...]
        api.MapGet("/phones/{id}/log", (string id) => host.Get(id).Log.Lines().Select(l => l.ToString()));

        api.MapPost("/phones/{id}/microphone", async (string id, HttpRequest request) =>
        {
            var p = host.Get(id);
            using var ms = new MemoryStream();
            await request.Body.CopyToAsync(ms);
            if (!WavFile.TryRead(ms.ToArray(), out var wav, out var reason)) throw new BadRequestException("not a usable WAV: " + reason);
            int rate = p.Audio.SampleRate == 0 ? 8000 : p.Audio.SampleRate;
            p.Audio.FeedMicrophone(wav!, rate);
            return new { queuedSamples = p.Audio.MicrophoneBacklog, sampleRate = rate, seconds = (double)p.Audio.MicrophoneBacklog / rate };
        });
        api.MapPost("/phones/{id}/speaker/start", (string id) =>
        {
            var p = host.Get(id);
            p.Audio.StartCapture();
            return new { capturing = true, sampleRate = p.Audio.SampleRate };
        });
        api.MapGet("/phones/{id}/speaker.wav", (string id) => Results.File(host.Get(id).Audio.StopCapture(), "audio/wav"));

        RecordingsApi.Map(api, host); // RecordingsApi.cs: recordings, record, screen

        api.MapGet("/clock", () => new { nowMs = host.Clock.NowMs, wallClock = host.Clock.WallClock.ToString("s"), virtualTime = host.VirtualTime });
        api.MapPost("/clock/advance", (long ms) =>
        {
            if (!host.VirtualTime) return Results.Conflict(new { error = "the clock is real: start the simulator with --virtual-time to step it" });
            if (ms < 0 || ms > 86_400_000) throw new BadRequestException("ms is 0 to 86400000");
            return Results.Ok(new { nowMs = host.Advance(ms) });
        });
    }

    /// <summary>The call's audio as the call-quality screen sees it (null when no RTP runs), and the digits sent and received.</summary>
    private static object Media(SimPhone p)
    {
        var session = p.Firmware.RtpSession;
        object? rtp = null;
        if (session != null && session.IsRunning)
        {
            var q = new DeskPhone.Firmware.Media.Rtcp.CallQuality();
            session.Snapshot(q);
            rtp = new
            {
                codec = session.CodecName,
                sampleRate = session.SampleRate,
                localPort = session.LocalPort,
                sending = session.IsSending,
                receiving = session.IsReceiving,
                muted = p.Firmware.Muted,
                packetsSent = session.PacketsSent,
                packetsReceived = session.PacketsReceived,
                framesConcealed = session.FramesConcealed,
                bufferMs = session.Jitter.CurrentDelayMs,
                jitterMs = q.JitterMs,
                lossPercent = q.FractionLostPercent,
                farLossPercent = q.HasFarReport ? q.FarFractionLostPercent : (int?)null,
                farJitterMs = q.HasFarReport ? q.FarJitterMs : (int?)null,
                roundTripMs = q.RoundTripMs < 0 ? (int?)null : q.RoundTripMs,
                rtcpReportsSent = session.Rtcp.ReportsSent,
                rtcpReportsReceived = session.Rtcp.ReportsReceived,
            };
        }
        var f = p.Firmware;
        return new
        {
            rtp,
            dtmf = new
            {
                sent = f.DtmfSentCount,
                lastSentBy = f.LastDtmfMethod,
                received = f.DtmfReceivedCount,
                lastReceived = f.LastDtmfReceived == '\0' ? null : f.LastDtmfReceived.ToString(),
            },
        };
    }

    /// <summary>The body of a dial request: {"digits": "2025550143"}.</summary>
    public sealed record DialRequest(string? Digits);

    private static int KeyCode(string name)
    {
        if (KeyCodes.TryParse(name, out int code)) return code;
        throw new BadRequestException($"no key named '{name}' (keys: 0-9, *, #, line1..line{KeyCodes.MaxLineKeys}, hook, speaker, headset, mute, hold, transfer, dnd, redial, park, record, vol+, vol-, up, down, left, right, ok, back, page, soft1..soft4)");
    }

    private static object Summary(PhoneHost host, SimPhone p) => host.Do(p, () => new
    {
        id = p.Id,
        name = p.Config.Device.Name,
        extension = p.Config.Device.Extension,
        board = p.Board.Name,
        registration = Registration(p),
        registrationProblem = p.Firmware.RegistrationProblem,
        mode = p.Firmware.Mode.ToString().ToLowerInvariant(),
        dialString = p.Firmware.DialString ?? "",
        route = p.Firmware.Mode == DeskPhone.Firmware.Phone.PhoneMode.Dialing ? DeskPhone.Firmware.Phone.Phone.RouteText(p.Firmware.Route).ToLowerInvariant() : null,
        tone = p.Firmware.Audio.Tone?.Name,
        dnd = p.Firmware.Dnd,
        volume = p.Firmware.Volume,
        page = p.Firmware.Page,
        message = p.Firmware.Message,
        phoneApiPort = p.Firmware.ApiPort == 0 ? (int?)null : p.Firmware.ApiPort, // the phone's own API (PhoneApiPorts.cs), null when off
    });

    private static string Registration(SimPhone p) =>
        DeskPhone.Firmware.Phone.Phone.RegistrationText(p.Firmware.Registration).ToLowerInvariant();

    private static object Lamps(PhoneHost host, SimPhone p) => host.Do(p, () =>
    {
        var keys = p.Config.KeysOnPage(p.Firmware.Page);
        return Enumerable.Range(0, p.Firmware.Lamps.Count).Select(i =>
        {
            LampState s = p.Firmware.Lamps.Get(i);
            return new
            {
                lamp = i + 1,
                key = "line" + (i + 1),
                label = i < keys.Length ? keys[i].Label : null,
                colour = LampState.ColourName(s.Colour),
                cadence = s.IsOff ? "off" : Cadences.Name(s.Cadence),
                litNow = LampState.ColourName(p.Lamps.Colour(i)),
            };
        }).ToArray();
    });
}

/// <summary>A request the API refuses with 400 and this message.</summary>
public sealed class BadRequestException(string message) : Exception(message);
