// The control API's routes for call outcomes: what the outcome screen offers, and choosing or skipping one.
using DeskPhone.Firmware.Phone;

namespace DeskPhone.Simulator;

public static partial class ControlApi
{
    /// <summary>POST body of /outcome: an outcome's id or label, or "skip".</summary>
    public sealed record OutcomeRequest(string? Outcome);

    /// <summary>GET and POST /api/phones/{id}/outcome (tools/Simulator/README.md).</summary>
    private static void MapOutcomes(RouteGroupBuilder api, PhoneHost host)
    {
        api.MapGet("/phones/{id}/outcome", (string id) => OutcomeState(host, host.Get(id)));
        api.MapPost("/phones/{id}/outcome", (string id, OutcomeRequest body) =>
        {
            var p = host.Get(id);
            string choice = body?.Outcome ?? throw new BadRequestException("give {\"outcome\": \"ID or label\"} or {\"outcome\": \"skip\"}");
            bool done = host.Do(p, () => choice == "skip" ? p.Firmware.SkipOutcome() : p.Firmware.ChooseOutcome(choice));
            if (!done)
            {
                string[] offered = host.Do(p, () => p.Firmware.OfferedOutcomes);
                throw new BadRequestException(offered.Length == 0
                    ? "the phone is not asking for an outcome"
                    : $"'{choice}' is not offered; offered: {string.Join(", ", offered)}");
            }
            return OutcomeState(host, p);
        });
    }

    private static object OutcomeState(PhoneHost host, SimPhone p) => host.Do(p, () => new
    {
        asking = p.Firmware.Mode == PhoneMode.Outcome,
        call = p.Firmware.OutcomeRecord?.Shown,
        offered = p.Firmware.OfferedOutcomes,
        selected = p.Firmware.Mode == PhoneMode.Outcome ? p.Firmware.OutcomeIndex : -1,
        last = p.Firmware.History.Count == 0 ? null : new { number = p.Firmware.History.At(0).Number, outcome = p.Firmware.History.At(0).Outcome },
    });
}
