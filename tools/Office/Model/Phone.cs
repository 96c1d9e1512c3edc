// A desk phone of the office: which user it belongs to, its board and the keys beyond the generated ones.
using System.Text.Json.Nodes;

namespace DeskPhone.Office.Model;

/// <summary>
/// One phone. Its device file is generated: identity and account from the user, <see cref="Lines"/>
/// line keys, a shared key per active pairing where the user is the assistant, then <see cref="Keys"/>
/// exactly as written (firmware/Config key objects). <see cref="Account"/>, <see cref="Features"/>
/// and <see cref="Display"/> are copied into the device file as they are; the firmware's loader
/// checks them when the file is generated.
/// </summary>
public sealed class Phone
{
    /// <summary>Default number of line keys.</summary>
    public const int DefaultLines = 2;

    public required string Id { get; init; }
    public required string User { get; set; }
    public required string Board { get; set; }

    /// <summary>The device file's name without ".json" (default: the device id).</summary>
    public string? File { get; set; }

    public int Lines { get; set; } = DefaultLines;

    /// <summary>Extra account fields ("authUser", "transport", "expires"...), or null.</summary>
    public JsonObject? Account { get; set; }

    /// <summary>Keys after the line and shared keys (blf, park, speeddial, feature...).</summary>
    public List<JsonObject> Keys { get; init; } = new();

    /// <summary>This phone's own admin PIN (instead of the office's), or null.</summary>
    public string? AdminPin { get; set; }

    /// <summary>This phone is restricted whoever uses it (see <see cref="User.Restricted"/>).</summary>
    public bool Restricted { get; set; }

    /// <summary>This phone's control-API token (32 hex characters from 'office crm token'), or null.</summary>
    public string? ApiToken { get; set; }

    /// <summary>This phone's IPv4 address, only for telling the CRM where the API is ('office crm show'), or null.</summary>
    public string? Address { get; set; }

    public JsonObject? Features { get; set; }
    public JsonObject? Display { get; set; }

    /// <summary><see cref="File"/> or the id.</summary>
    public string FileName => File ?? Id;
}
