// The office's CRM integration: the phones' control API, the call-event webhooks and the contact lookup URL.
namespace DeskPhone.Office.Model;

/// <summary>
/// What office.json's "crm" holds (tools/Office/README.md). Each phone's API token is on the phone
/// (<see cref="Phone.ApiToken"/>): every device has its own. Generation writes "api", "webhooks" and
/// "contacts" into each device file from it (firmware/Config/README.md).
/// </summary>
public sealed class CrmSettings
{
    /// <summary>The control API, or null when office.json never set it (the phones' default: off).</summary>
    public ControlApiSettings? Api { get; set; }

    /// <summary>Where the phones POST their call events, or null (no events are sent).</summary>
    public WebhookTarget? Webhooks { get; set; }

    /// <summary>"http://10.0.0.5:8000/lookup?number={number}", or null (the phones look nothing up).</summary>
    public string? LookupUrl { get; set; }

    /// <summary>True when office.json has nothing to say about the CRM.</summary>
    public bool IsEmpty => Api == null && Webhooks == null && LookupUrl == null;

    /// <summary>True when the phones serve the control API.</summary>
    public bool ApiEnabled => Api?.Enabled == true;
}

/// <summary>The office-wide part of the phones' control API: on or off, the port and who may call it.</summary>
public sealed class ControlApiSettings
{
    /// <summary>The phones' default port (firmware ApiSettings.DefaultPort).</summary>
    public const int DefaultPort = 8088;

    /// <summary>The allow list when the admin gives none: the phone itself (the firmware's default).</summary>
    public static readonly string[] DefaultAllow = { "127.0.0.1" };

    public bool Enabled { get; set; }
    public int Port { get; set; } = DefaultPort;

    /// <summary>IPv4 addresses and CIDR blocks that may call the API.</summary>
    public List<string> Allow { get; set; } = DefaultAllow.ToList();
}

/// <summary>The CRM's webhook receiver: URL, optional bearer token, and how many events a phone keeps while it is down.</summary>
public sealed class WebhookTarget
{
    /// <summary>The phones' default queue bound (firmware WebhookSettings.DefaultQueueLimit).</summary>
    public const int DefaultQueueLimit = 1000;

    public required string Url { get; set; }
    public string? Token { get; set; }
    public int QueueLimit { get; set; } = DefaultQueueLimit;
}
