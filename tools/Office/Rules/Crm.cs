// The office's CRM integration changed by an administrator: webhooks, the control API, API tokens, the lookup URL, phone addresses.
using System.Security.Cryptography;
using DeskPhone.Firmware.Http;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// Each operation is an administrator's (a user is refused), checks what it sets with the phones' own
/// loader (<see cref="FirmwareCheck"/>), and changes the office and says what it did, or changes nothing
/// and says why not. Tokens are 32 hex characters from a cryptographic random source, kept in office.json
/// so that provisioning the same office gives the same device files.
/// </summary>
public static class Crm
{
    /// <summary>Length of a generated API token (hex characters: 128 bits).</summary>
    public const int TokenLength = 32;

    private static readonly Dictionary<string, string> WebhookWords = new()
    {
        ["url"] = "the webhook URL", ["token"] = "the webhook token", ["queueLimit"] = "the queue limit", [""] = "the webhooks",
    };

    private static readonly Dictionary<string, string> ApiWords = new()
    {
        ["allow"] = "the allow list", ["port"] = "the port", ["token"] = "the API token", [""] = "the control API",
    };

    private static readonly Dictionary<string, string> ContactWords = new() { ["lookupUrl"] = "the lookup URL" };

    private static string? AdminOnly(Actor by) => by.IsAdmin ? null : $"only an admin can change the CRM integration ({by} is a user)";

    /// <summary>A new API token: 32 lowercase hex characters from <see cref="RandomNumberGenerator"/>.</summary>
    public static string NewToken() => RandomNumberGenerator.GetHexString(TokenLength, lowercase: true);

    /// <summary>Sets where the phones POST call events; <paramref name="token"/> "none" removes it, null keeps it; <paramref name="queueLimit"/> null keeps it.</summary>
    public static Outcome SetWebhooks(OfficeDirectory office, string url, string? token, int? queueLimit, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin);
        if (refusal != null) return Outcome.Refused(refusal);
        WebhookTarget? old = office.Crm.Webhooks;
        var hooks = new WebhookTarget
        {
            Url = url,
            Token = token == "none" ? null : token ?? old?.Token,
            QueueLimit = queueLimit ?? old?.QueueLimit ?? WebhookTarget.DefaultQueueLimit,
        };
        refusal = FirmwareCheck.Refusal("webhooks", DeviceFiles.WebhooksJson(hooks), WebhookWords);
        if (refusal != null) return Outcome.Refused(refusal);
        office.Crm.Webhooks = hooks;
        return Outcome.Done($"webhooks: every phone POSTs its call events to {hooks.Url} "
            + (hooks.Token == null ? "without a token" : "with a bearer token") + $", keeping up to {hooks.QueueLimit} while the CRM is unreachable");
    }

    /// <summary>No more call events are sent.</summary>
    public static Outcome WebhooksOff(OfficeDirectory office, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin) ?? (office.Crm.Webhooks == null ? "the office has no webhooks" : null);
        if (refusal != null) return Outcome.Refused(refusal);
        string url = office.Crm.Webhooks!.Url;
        office.Crm.Webhooks = null;
        return Outcome.Done($"webhooks off: the phones no longer send call events (to {url})");
    }

    /// <summary>
    /// Turns the control API on (with <paramref name="port"/> and <paramref name="allow"/> when given, else as
    /// they were) and gives every phone without a token a new one; or off (settings and tokens are kept).
    /// </summary>
    public static Outcome SetApi(OfficeDirectory office, bool enabled, int? port, IReadOnlyList<string>? allow, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin);
        if (refusal != null) return Outcome.Refused(refusal);
        ControlApiSettings? old = office.Crm.Api;
        if (!enabled)
        {
            if (port != null || allow != null) return Outcome.Refused("--port and --allow go with 'office crm api on'");
            if (old is not { Enabled: true }) return Outcome.Refused("the control API is already off");
            old.Enabled = false;
            return Outcome.Done("control API off: the phones no longer serve it (port, allow list and tokens are kept for 'office crm api on')");
        }
        var api = new ControlApiSettings
        {
            Enabled = true,
            Port = port ?? old?.Port ?? ControlApiSettings.DefaultPort,
            Allow = allow?.ToList() ?? old?.Allow.ToList() ?? ControlApiSettings.DefaultAllow.ToList(),
        };
        refusal = FirmwareCheck.Refusal("api", DeviceFiles.ApiJson(api, new string('0', TokenLength)), ApiWords);
        if (refusal != null) return Outcome.Refused(refusal);
        office.Crm.Api = api;
        var created = new List<string>();
        foreach (Phone phone in office.Phones.Where(p => p.ApiToken == null))
        {
            phone.ApiToken = NewToken();
            created.Add(phone.Id);
        }
        var warnings = new List<string>();
        if (api.Allow.SequenceEqual(ControlApiSettings.DefaultAllow))
            warnings.Add("only the phone itself (127.0.0.1) may call the API; give --allow with the CRM's address or network");
        return Outcome.Done($"control API on, port {api.Port}, callers allowed from {string.Join(", ", api.Allow)}"
            + (created.Count == 0 ? "" : "; new API token for " + string.Join(", ", created))
            + "; 'office crm show' prints what the CRM needs", warnings: warnings);
    }

    /// <summary>Gives <paramref name="phoneId"/> a new API token: only when it has none, unless <paramref name="rotate"/>.</summary>
    public static Outcome Token(OfficeDirectory office, string phoneId, bool rotate, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin);
        if (refusal != null) return Outcome.Refused(refusal);
        Phone? phone = office.FindPhone(phoneId);
        if (phone == null) return Outcome.Refused($"no phone '{phoneId}' in the office{Spelling.Hint(phoneId, office.Phones.Select(p => p.Id))}");
        if (phone.ApiToken != null && !rotate)
            return Outcome.Refused($"phone {phone.Id} already has an API token ('office crm show' prints it); --rotate replaces it");
        bool had = phone.ApiToken != null;
        phone.ApiToken = NewToken();
        var warnings = new List<string>();
        if (!office.Crm.ApiEnabled) warnings.Add("the control API is off; 'office crm api on' turns it on");
        return Outcome.Done($"phone {phone.Id}: {(had ? "API token replaced" : "new API token")} {phone.ApiToken}"
            + (had ? " (the old one stops working once the phone has its new device file; give the CRM the new one)" : ""), warnings: warnings);
    }

    /// <summary>Sets the URL the phones ask about numbers their directory does not know.</summary>
    public static Outcome SetLookup(OfficeDirectory office, string url, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin) ?? FirmwareCheck.Refusal("contacts", DeviceFiles.ContactsJson(url), ContactWords);
        if (refusal != null) return Outcome.Refused(refusal);
        office.Crm.LookupUrl = url;
        return Outcome.Done($"contact lookup: the phones ask {url} about callers their directory does not know");
    }

    /// <summary>The phones look nothing up.</summary>
    public static Outcome LookupOff(OfficeDirectory office, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin) ?? (office.Crm.LookupUrl == null ? "the office has no lookup URL" : null);
        if (refusal != null) return Outcome.Refused(refusal);
        office.Crm.LookupUrl = null;
        return Outcome.Done("contact lookup off: the phones match callers against their directory only");
    }

    /// <summary>Records <paramref name="phoneId"/>'s IPv4 address (or forgets it: "none") so 'office crm show' can print its API's URL.</summary>
    public static Outcome SetAddress(OfficeDirectory office, string phoneId, string address, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin);
        if (refusal != null) return Outcome.Refused(refusal);
        Phone? phone = office.FindPhone(phoneId);
        if (phone == null) return Outcome.Refused($"no phone '{phoneId}' in the office{Spelling.Hint(phoneId, office.Phones.Select(p => p.Id))}");
        if (address != "none" && !IpAddress.IsIPv4(address)) return Outcome.Refused($"'{address}' is not an IPv4 address like 10.0.0.21");
        phone.Address = address == "none" ? null : address;
        return Outcome.Done(phone.Address == null ? $"phone {phone.Id}: address forgotten" : $"phone {phone.Id} is at {phone.Address}");
    }

    /// <summary>The phones (of active users) a provisioning would give an API without a token: the API is on, the phone has none; in office order.</summary>
    public static IReadOnlyList<Phone> PhonesWithoutToken(OfficeDirectory office) =>
        office.Crm.ApiEnabled ? office.Phones.Where(p => p.ApiToken == null && office.FindUser(p.User)?.Active == true).ToList() : Array.Empty<Phone>();

    /// <summary>"http://10.0.0.21:8088", or null when the phone's address is not in office.json.</summary>
    public static string? ApiBase(OfficeDirectory office, Phone phone) =>
        phone.Address == null ? null : $"http://{phone.Address}:{office.Crm.Api?.Port ?? ControlApiSettings.DefaultPort}";
}
