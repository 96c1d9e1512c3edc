// The control API's recording routes: list a phone's recordings with their calls, download one when the office allows it, record and screen.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Phone;

namespace DeskPhone.Simulator;

/// <summary>Routes under /api/phones/{id}/recordings and the recording/screening actions (tools/Simulator/README.md).</summary>
public static class RecordingsApi
{
    /// <summary>Adds the routes to the control API's group.</summary>
    public static void Map(RouteGroupBuilder api, PhoneHost host)
    {
        api.MapGet("/phones/{id}/recordings", (string id) =>
        {
            var p = host.Get(id);
            return host.Do(p, () => new
            {
                policy = Policy(p.Firmware.RecordingPolicy),
                recording = p.Firmware.IsRecording,
                screening = p.Firmware.IsScreening,
                recordings = p.Firmware.Recordings.Select(r => Describe(p, r)).ToArray(),
            });
        });

        api.MapGet("/phones/{id}/recordings/{file}", (string id, string file) =>
        {
            var p = host.Get(id);
            var policy = p.Firmware.RecordingPolicy;
            if (!policy.Download)
                return Results.Json(new { error = "the office does not allow downloading recordings from this phone (device file: recording.download is false)" }, statusCode: 403);
            string name = Firmware.Phone.Phone.RecordingFolder + file;
            bool listed = host.Do(p, () => p.Firmware.Recordings.Any(r => r.Name == name));
            if (!listed) return Results.Json(new { error = "no recording '" + file + "' on " + id }, statusCode: 404);
            byte[]? bytes = p.Storage.Read(name);
            return bytes == null ? Results.Json(new { error = "no recording '" + file + "' on " + id }, statusCode: 404) : Results.File(bytes, "audio/wav", file);
        });

        api.MapPost("/phones/{id}/recording/toggle", (string id) => Act(host, id, f => f.ToggleRecording()));
        api.MapPost("/phones/{id}/screening/start", (string id) => Act(host, id, f => f.StartScreening()));
        api.MapPost("/phones/{id}/screening/take", (string id) => Act(host, id, f => f.TakeScreenedCall()));
    }

    private static object Act(PhoneHost host, string id, Action<Firmware.Phone.Phone> action)
    {
        var p = host.Get(id);
        return host.Do(p, () =>
        {
            action(p.Firmware);
            return new { recording = p.Firmware.IsRecording, screening = p.Firmware.IsScreening, message = p.Firmware.Message };
        });
    }

    private static object Policy(RecordingPolicy policy) => new
    {
        mode = RecordingPolicy.ModeName(policy.Mode),
        download = policy.Download,
        notice = policy.Notice,
        maxSeconds = policy.MaxSeconds,
        greeting = policy.Greeting,
    };

    /// <summary>A recording with its size, its length read from the WAV header, and its call from the history.</summary>
    private static object Describe(SimPhone p, RecordingEntry r)
    {
        double seconds = 0;
        byte[]? head = p.Storage.Read(r.Name);
        if (head != null && head.Length >= 44)
        {
            int rate = BitConverter.ToInt32(head, 24);
            if (rate > 0) seconds = Math.Round((head.Length - 44) / 2.0 / rate, 2);
        }
        var c = r.Call;
        return new
        {
            name = r.Name,
            file = r.Name.Substring(Firmware.Phone.Phone.RecordingFolder.Length),
            bytes = r.Bytes,
            seconds,
            screened = r.Screened,
            call = c == null ? null : new
            {
                time = c.Time.ToString("s"),
                kind = DeskPhone.Firmware.History.CallRecord.KindName(c.Kind),
                number = c.Number,
                name = c.Name,
                durationSeconds = c.DurationSeconds,
                callId = c.CallId,
            },
        };
    }
}
