// Each phone's device file (firmware/Config format), generated from the office directory.
using System.Text;
using System.Text.Json.Nodes;
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Generation;

/// <summary>One generated device file: <c>devices/FILE.json</c>.</summary>
public sealed record GeneratedDevice(Phone Phone, User User, string FileName, string Text);

/// <summary>
/// Writes the device file of every phone whose user is active: identity and account from the user
/// and the office's SIP settings; the phone's line keys; for an executive with an active pairing a
/// <c>shared</c> key on their own line; one <c>shared</c> key per active pairing where the user is the assistant, carrying the pairing's permissions, whose line it is ("for") and
/// the executive's VIP callers; the phone's own keys, features and display; and the user's pending
/// pairings for the phone to prompt, with "pairingService" (where the answer goes) when the user has
/// one to answer. The firmware's loader checks the result (the tool does that before writing
/// anything). Same office, same bytes.
/// </summary>
public static partial class DeviceFiles
{
    /// <summary>The account id every generated file uses.</summary>
    public const string AccountId = "main";

    /// <summary>The SIP user the phones send their answers to pairing requests to (Kamailio routes it to 'office serve').</summary>
    public const string PairingServiceUser = "pairing";

    /// <summary>"sip:pairing@office.example": the device files' "pairingService".</summary>
    public static string PairingService(OfficeDirectory office) => $"sip:{PairingServiceUser}@{office.Sip.Domain}";

    /// <summary>Longest key label the firmware takes.</summary>
    public const int MaxLabel = 24;

    public static IReadOnlyList<GeneratedDevice> Generate(OfficeDirectory office) =>
        office.Phones
            .Select(p => (Phone: p, User: office.FindUser(p.User)!))
            .Where(x => x.User.Active)
            .Select(x => new GeneratedDevice(x.Phone, x.User, x.Phone.FileName + ".json", Text(office, x.Phone)))
            .ToList();

    /// <summary>The device file of <paramref name="phone"/>.</summary>
    public static string Text(OfficeDirectory office, Phone phone)
    {
        User user = office.FindUser(phone.User) ?? throw new ArgumentException($"phone {phone.Id}: no user {phone.User}");
        var sb = new StringBuilder("{\n");
        sb.Append("  \"device\": ").Append(JsonText.Object(
            ("id", phone.Id), ("name", user.Name), ("extension", user.Extension), ("board", phone.Board))).Append(",\n");
        sb.Append("  \"accounts\": [\n    {\n");
        sb.Append(string.Join(",\n", AccountFields(office, phone, user).Select(f => $"      {JsonText.Quote(f.Name)}: {JsonText.Inline(f.Value)}")));
        sb.Append("\n    }\n  ],\n");

        var keys = new List<string>();
        for (int i = 1; i <= phone.Lines; i++)
        {
            keys.Add(JsonText.Object(("kind", "line"), ("label", $"Line {i}"), ("account", AccountId)));
        }
        if (office.Pairings.Any(p => p.State == PairingState.Active && p.Executive == user.Id))
        {
            keys.Add(OwnSharedKey(office, user));
        }
        foreach (Pairing p in office.Pairings.Where(p => p.State == PairingState.Active && p.Assistant == user.Id))
        {
            keys.Add(SharedKey(office, p));
        }
        keys.AddRange(phone.Keys.Select(k => JsonText.Inline(k)));

        var pending = office.Pairings.Where(p => p.State == PairingState.Pending && p.Involves(user.Id)).Select(p => Pending(office, p, user)).ToList();
        var tail = new List<string>(); // the fields after the keys, each "  \"name\": value"
        if (phone.Features != null) tail.Add("  \"features\": " + JsonText.Inline(phone.Features));
        if (phone.Display != null) tail.Add("  \"display\": " + JsonText.Inline(phone.Display));
        tail.AddRange(PolicyFields(office, phone, user)); // DeviceFiles.Policies.cs: outcomes, recording, roles
        tail.AddRange(CrmFields(office, phone));          // DeviceFiles.Crm.cs: api, webhooks, contacts
        if (office.Pairings.Any(p => p.State == PairingState.Pending && p.Involves(user.Id) && p.RequestedBy != user.Id))
        {
            // This user answers a request: where the phone sends the answer (tools/Provision, "office serve").
            tail.Add("  " + JsonText.Quote("pairingService") + ": " + JsonText.Quote(PairingService(office)));
        }
        if (pending.Count > 0) tail.Add(ListField("pendingPairings", pending));

        JsonText.List(sb, "  ", "keys", keys, last: tail.Count == 0);
        if (tail.Count > 0) sb.Append(string.Join(",\n", tail)).Append('\n');
        return sb.Append("}\n").ToString();
    }

    private static IEnumerable<(string Name, JsonNode? Value)> AccountFields(OfficeDirectory office, Phone phone, User user)
    {
        JsonObject extra = phone.Account ?? new JsonObject();
        yield return ("id", AccountId);
        yield return ("user", user.Extension);
        yield return ("displayName", user.Name);
        yield return ("domain", office.Sip.Domain);
        if (extra["authUser"] is JsonNode authUser) yield return ("authUser", authUser.DeepClone());
        yield return ("password", user.Password);
        yield return ("registrar", office.Sip.Registrar);
        if (office.Sip.OutboundProxy != null) yield return ("outboundProxy", office.Sip.OutboundProxy);
        foreach (var (name, value) in extra.Where(m => m.Key != "authUser")) yield return (name, value?.DeepClone());
    }

    /// <summary>The label of an executive's key on their own line.</summary>
    public const string OwnSharedLabel = "My line (shared)";

    /// <summary>
    /// An executive's key on their own line, shared with their assistants: <c>{ "kind": "shared", "target": own address }</c>,
    /// no delegation. The phone watches the line's appearances through it (an assistant's calls light it) and puts
    /// its own calls to the line on appearances, which sca needs from every phone of the line (firmware/Phone/README.md).
    /// </summary>
    private static string OwnSharedKey(OfficeDirectory office, User user) =>
        JsonText.Object(("kind", "shared"), ("label", OwnSharedLabel), ("target", office.Aor(user)), ("account", AccountId));

    /// <summary>The assistant's key for the executive's line: <c>{ "kind": "shared", ..., "delegation": {...} }</c>.</summary>
    private static string SharedKey(OfficeDirectory office, Pairing p)
    {
        User executive = office.FindUser(p.Executive)!;
        string label = executive.FirstName + " (exec)";
        if (label.Length > MaxLabel) label = executive.FirstName[..(MaxLabel - 7)] + " (exec)";
        var delegation = JsonText.Build(
            ("pairing", p.Id),
            ("for", executive.Name),
            ("permissions", JsonText.Strings(PermissionNames.Of(p.Permissions))),
            ("vip", executive.VipCallers.Count == 0 ? null : JsonText.Strings(executive.VipCallers)));
        return JsonText.Object(("kind", "shared"), ("label", label), ("target", office.Aor(executive)), ("account", AccountId), ("delegation", delegation));
    }

    /// <summary>A pending pairing as the phone of <paramref name="me"/> shows it: with whom, my role, and whether I am the one to answer.</summary>
    private static string Pending(OfficeDirectory office, Pairing p, User me)
    {
        User other = office.FindUser(p.OtherSide(me.Id))!;
        return JsonText.Object(
            ("id", p.Id),
            ("role", p.Executive == me.Id ? "executive" : "assistant"),
            ("with", other.Name),
            ("extension", other.Extension),
            ("permissions", JsonText.Strings(PermissionNames.Of(p.Permissions))),
            ("prompt", p.RequestedBy != me.Id));
    }
}
