// office show: the directory as an admin reads it.
using DeskPhone.Office.Model;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>Prints the office: SIP settings, limits and use, users, phones and pairings with their state.</summary>
public sealed class OfficeShowCommand : ICommand
{
    public string Name => "office show";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "office" };
    public string Usage => "office show [--office office.json]";
    public string Summary => "list the office's users, phones, pairings (with permissions and state) and limits";

    public int Run(Options options, TextWriter output, TextWriter errors) => OfficeCommand.Print(options, output, errors, Describe);

    public static string Describe(OfficeDirectory office)
    {
        var w = new StringWriter();
        w.WriteLine($"office: {office.Name ?? "(no name)"}, domain {office.Sip.Domain}, registrar {office.Sip.Registrar}"
            + (office.Sip.OutboundProxy == null ? "" : $", outbound proxy {office.Sip.OutboundProxy}"));
        Limits l = office.Limits;
        int live = office.Pairings.Count(p => p.IsLive);
        w.WriteLine($"limits: {l.AssistantsPerExecutive} assistants per executive, {l.ExecutivesPerAssistant} executives per assistant, "
            + $"{l.PairingsPerOffice} pairings per office ({live} in use)");
        w.Write(OfficeOutcomeListCommand.Describe(office));
        if (office.Recording != null)
        {
            RecordingPolicy r = office.Recording;
            w.WriteLine($"recording: {r.ModeName}, download {(r.Download ? "yes" : "no")}, notice {(r.Notice ? "yes" : "no")}");
        }
        if (office.Roles != null)
        {
            RolePolicy r = office.Roles;
            w.WriteLine($"roles: admin PIN {(r.AdminPin == null ? "none" : "set")}, emergency {string.Join(", ", r.Emergency)}, internal "
                + (r.Internal.Count == 0 ? "none" : string.Join(", ", r.Internal)));
        }
        if (!office.Crm.IsEmpty)
        {
            CrmSettings c = office.Crm;
            w.WriteLine($"crm: control API {(c.ApiEnabled ? "on, port " + c.Api!.Port : "off")}, webhooks {c.Webhooks?.Url ?? "none"}, "
                + $"lookup {c.LookupUrl ?? "none"} ('office crm show' for the tokens)");
        }
        w.WriteLine("users:");
        foreach (User u in office.Users)
        {
            w.WriteLine($"  {u.Id,-12} {u.Extension,-6} {u.Name}" + (u.Active ? "" : "  (deactivated)") + (u.Restricted ? "  (restricted)" : "")
                + (u.VipCallers.Count == 0 ? "" : $"  VIP: {string.Join(", ", u.VipCallers)}"));
        }
        w.WriteLine("phones:");
        foreach (Phone p in office.Phones)
        {
            w.WriteLine($"  {p.Id,-16} {p.User,-12} {p.Board,-18} devices/{p.FileName}.json"
                + (p.Restricted ? "  (restricted)" : "") + (p.AdminPin != null ? "  (own admin PIN)" : ""));
        }
        w.WriteLine("pairings:");
        if (office.Pairings.Count == 0) w.WriteLine("  (none)");
        foreach (Pairing p in office.Pairings)
        {
            string state = p.State switch
            {
                PairingState.Pending => $"pending: asked by {p.RequestedBy}, waiting for {p.OtherSide(p.RequestedBy ?? p.Executive)}",
                PairingState.Declined => $"declined by {p.OtherSide(p.RequestedBy ?? p.Executive)}",
                _ => "active" + (p.CreatedBy == PairingOrigin.User ? $" (asked by {p.RequestedBy})" : ""),
            };
            w.WriteLine($"  {p.Id,-4} {p.Assistant} assists {p.Executive}: {PermissionNames.Describe(p.Permissions)}; {state}");
        }
        return w.ToString();
    }
}
