// office crm show: what the CRM's administrator needs, each phone's API address and token, the webhook receiver and the lookup URL.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>Prints the CRM integration for the CRM's administrator: one line per phone with its API URL (or port) and token.</summary>
public sealed class OfficeCrmShowCommand : ICommand
{
    public string Name => "office crm show";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "office" };
    public string Usage => "office crm show [--office office.json]";
    public string Summary => "print what the CRM's administrator needs: each phone's control-API URL and token, the webhook URL and token, the lookup URL";

    public int Run(Options options, TextWriter output, TextWriter errors) => OfficeCommand.Print(options, output, errors, Describe);

    public static string Describe(OfficeDirectory office)
    {
        var w = new StringWriter();
        CrmSettings crm = office.Crm;
        ControlApiSettings? api = crm.Api;
        w.WriteLine(api is { Enabled: true }
            ? $"control API: on, port {api.Port}, callers allowed from {string.Join(", ", api.Allow)}; each request needs 'Authorization: Bearer TOKEN' (the phone's token)"
            : "control API: off ('office crm api on' turns it on)");
        WebhookTarget? hooks = crm.Webhooks;
        w.WriteLine(hooks == null ? "webhooks: none (the phones send no call events)"
            : $"webhooks: POST {hooks.Url}" + (hooks.Token == null ? " without a token" : $" with 'Authorization: Bearer {hooks.Token}'") + $", up to {hooks.QueueLimit} events kept while the CRM is down");
        w.WriteLine("contact lookup: " + (crm.LookupUrl == null ? "none" : "GET " + crm.LookupUrl));
        w.WriteLine("phones:");
        bool unknownAddress = false;
        foreach (Phone p in office.Phones)
        {
            string? user = office.FindUser(p.User)?.Name;
            string where = Crm.ApiBase(office, p) is string url ? url + "/api" : $"(address not in office.json) port {api?.Port ?? ControlApiSettings.DefaultPort}";
            unknownAddress |= p.Address == null;
            w.WriteLine($"  {p.Id,-16} {user,-16} {where,-34} token {p.ApiToken ?? "none ('office crm token --phone " + p.Id + "')"}");
        }
        if (unknownAddress)
        {
            w.WriteLine("note: a phone without an address is reached at its own IPv4 address (its network settings or the DHCP server) on that port;"
                + " 'office crm address --phone ID --address 10.0.0.21' records it here");
        }
        return w.ToString();
    }
}
