// The CRM integration in each device file: "api" (with the phone's own token), "webhooks" and "contacts" (firmware/Config/README.md).
using System.Text.Json.Nodes;
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Generation;

public static partial class DeviceFiles
{
    /// <summary>
    /// "api" when the office's control API is on (this phone's token, the office's port and allow list; a
    /// phone without a token gets none and its loader refuses the file: provision reports that first),
    /// "webhooks" when the office has a receiver, and "contacts" with the lookup URL when it has one.
    /// </summary>
    private static IEnumerable<string> CrmFields(OfficeDirectory office, Phone phone)
    {
        CrmSettings crm = office.Crm;
        if (crm.Api is { Enabled: true } api) yield return "  \"api\": " + JsonText.Inline(ApiJson(api, phone.ApiToken));
        if (crm.Webhooks != null) yield return "  \"webhooks\": " + JsonText.Inline(WebhooksJson(crm.Webhooks));
        if (crm.LookupUrl != null) yield return "  \"contacts\": " + JsonText.Inline(ContactsJson(crm.LookupUrl));
    }

    /// <summary><c>{ "enabled": true, "port": 8088, "token": "...", "allow": [...] }</c> as a device file has it.</summary>
    public static JsonObject ApiJson(ControlApiSettings api, string? token) => JsonText.Build(
        ("enabled", api.Enabled), ("port", api.Port), ("token", token == null ? null : JsonValue.Create(token)), ("allow", JsonText.Strings(api.Allow)));

    /// <summary><c>{ "url": "...", "token": "...", "queueLimit": 1000 }</c> as a device file (and office.json) has it.</summary>
    public static JsonObject WebhooksJson(WebhookTarget hooks) => JsonText.Build(
        ("url", hooks.Url), ("token", hooks.Token == null ? null : JsonValue.Create(hooks.Token)), ("queueLimit", hooks.QueueLimit));

    /// <summary><c>{ "lookupUrl": "..." }</c>: the phones read the directory from the default file (provision --contacts writes it).</summary>
    public static JsonObject ContactsJson(string lookupUrl) => JsonText.Build(("lookupUrl", lookupUrl));
}
