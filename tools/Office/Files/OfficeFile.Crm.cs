// office.json's CRM integration: "crm" (control API, webhooks, lookup URL) and each phone's "apiToken" and "address", checked by the phones' own loader.
using System.Text;
using System.Text.Json.Nodes;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Json;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using JsonValue = DeskPhone.Firmware.Json.JsonValue;

namespace DeskPhone.Office.Files;

public static partial class OfficeFile
{
    private static readonly string[] CrmFields = { "api", "webhooks", "lookupUrl" };
    private static readonly string[] CrmApiFields = { "enabled", "port", "allow" };
    private static readonly string[] CrmWebhookFields = { "url", "token", "queueLimit" };

    private static void ReadCrm(FieldReader top, OfficeDirectory office, OfficeErrors errors)
    {
        JsonValue? v = top.Container("crm", JsonKind.Object, false);
        FieldReader? crm = v == null ? null : FieldReader.Open(v, "crm", CrmFields, errors);
        if (crm == null) return;

        JsonValue? apiAt = crm.Container("api", JsonKind.Object, false);
        FieldReader? api = apiAt == null ? null : FieldReader.Open(apiAt, "crm.api", CrmApiFields, errors);
        if (api != null)
        {
            var settings = new ControlApiSettings
            {
                Enabled = api.Boolean("enabled") ?? false,
                Port = api.Integer("port", 1, 65535) ?? ControlApiSettings.DefaultPort,
            };
            var allow = api.Strings("allow", 64);
            if (allow != null) settings.Allow = allow.Select(a => a.Text).ToList();
            // The office-wide part, with a stand-in token: each phone's own is checked with the phone.
            if (Firmware(api, "api", DeviceFiles.ApiJson(settings, new string('0', Crm.TokenLength)), errors)) office.Crm.Api = settings;
        }

        JsonValue? hooksAt = crm.Container("webhooks", JsonKind.Object, false);
        FieldReader? hooks = hooksAt == null ? null : FieldReader.Open(hooksAt, "crm.webhooks", CrmWebhookFields, errors);
        if (hooks != null)
        {
            string? url = hooks.String("url", true, 512);
            string? token = hooks.String("token", false, 256);
            int limit = hooks.Integer("queueLimit", int.MinValue, int.MaxValue) ?? WebhookTarget.DefaultQueueLimit; // the range is the phones' (below)
            if (url != null)
            {
                var target = new WebhookTarget { Url = url, Token = token, QueueLimit = limit };
                if (Firmware(hooks, "webhooks", DeviceFiles.WebhooksJson(target), errors)) office.Crm.Webhooks = target;
            }
        }

        string? lookup = crm.String("lookupUrl", false, 512);
        if (lookup != null && Firmware(crm, "contacts", DeviceFiles.ContactsJson(lookup), errors, field => field == "lookupUrl" ? "lookupUrl" : field))
        {
            office.Crm.LookupUrl = lookup;
        }
    }

    /// <summary>A phone's "apiToken" (the firmware's token rules; no two phones share one) and "address" (IPv4).</summary>
    private static void ReadPhoneCrm(FieldReader o, Dictionary<string, string> tokens, OfficeErrors errors, out string? token, out string? address)
    {
        token = o.String("apiToken", false, 256);
        if (token != null && !Firmware(o, "api", DeviceFiles.ApiJson(new ControlApiSettings { Enabled = true }, token), errors, field => field == "token" ? "apiToken" : field))
        {
            token = null;
        }
        if (token != null && !tokens.TryAdd(token, o.Path))
        {
            o.ErrorAt("apiToken", $"is the same as {tokens[token]}'s; each phone needs its own ('office crm token --phone ID --rotate')");
            token = null;
        }
        address = o.String("address", false, 15);
        if (address != null && !IpAddress.IsIPv4(address))
        {
            o.ErrorAt("address", $"'{address}' is not an IPv4 address like 10.0.0.21");
            address = null;
        }
    }

    /// <summary>
    /// Runs the phones' loader on <paramref name="section"/> made from <paramref name="o"/>'s values and reports each of its
    /// problems at the office.json field it came from (<paramref name="rename"/> maps a device-file field to office.json's). True when none.
    /// </summary>
    private static bool Firmware(FieldReader o, string section, JsonObject value, OfficeErrors errors, Func<string, string>? rename = null)
    {
        IReadOnlyList<FirmwareCheck.Problem> problems = FirmwareCheck.Section(section, value);
        foreach (FirmwareCheck.Problem p in problems)
        {
            string field = rename == null ? p.Field : rename(p.Field);
            if (field.Length > 0 && o.Get(field) != null) o.ErrorAt(field, p.Message);
            else errors.Add(o.Value, o.Path, (field.Length == 0 ? "" : field + ": ") + p.Message);
        }
        return problems.Count == 0;
    }

    /// <summary>Appends "crm" when the office has any of it.</summary>
    private static void WriteCrm(StringBuilder sb, OfficeDirectory office)
    {
        CrmSettings crm = office.Crm;
        if (crm.IsEmpty) return;
        var fields = new List<string>();
        if (crm.Api != null)
        {
            fields.Add("\"api\": " + JsonText.Object(("enabled", crm.Api.Enabled), ("port", crm.Api.Port), ("allow", JsonText.Strings(crm.Api.Allow))));
        }
        if (crm.Webhooks != null) fields.Add("\"webhooks\": " + JsonText.Inline(DeviceFiles.WebhooksJson(crm.Webhooks)));
        if (crm.LookupUrl != null) fields.Add("\"lookupUrl\": " + JsonText.Quote(crm.LookupUrl));
        sb.Append("  \"crm\": {\n").Append(string.Join(",\n", fields.Select(f => "    " + f))).Append("\n  },\n");
    }
}
