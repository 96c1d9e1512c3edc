// The office's front-desk policies in each device file: "outcomes", "recording" and "roles" (firmware/Config/README.md).
using System.Text;
using DeskPhone.Firmware.Crypto;
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Generation;

public static partial class DeviceFiles
{
    /// <summary>
    /// "outcomes" (every outcome with its "enabled" flag, so a phone knows a disabled one is no longer offered),
    /// "recording" (the office policy) and "roles" (the SHA-256 of device id, ':' and the phone's or office's
    /// admin PIN; restricted when the phone or its user is; the office's emergency numbers and internal patterns),
    /// each only when the office sets it.
    /// </summary>
    private static IEnumerable<string> PolicyFields(OfficeDirectory office, Phone phone, User user)
    {
        if (office.Outcomes.Count > 0) yield return ListField("outcomes", office.Outcomes.Select(OfficeFile.OutcomeJson).ToList());
        if (office.Recording != null) yield return "  \"recording\": " + OfficeFile.RecordingJson(office.Recording);
        string? pin = phone.AdminPin ?? office.Roles?.AdminPin;
        bool restricted = phone.Restricted || user.Restricted;
        if (office.Roles == null && pin == null && !restricted) yield break;
        RolePolicy roles = office.Roles ?? new RolePolicy();
        yield return "  \"roles\": " + JsonText.Object(
            ("adminPinSha256", pin == null ? null : System.Text.Json.Nodes.JsonValue.Create(PinHash(phone.Id, pin))),
            ("restricted", restricted),
            ("emergency", JsonText.Strings(roles.Emergency)),
            ("internal", JsonText.Strings(roles.Internal)));
    }

    /// <summary>What a device file keeps of an admin PIN: SHA-256 of "DEVICE-ID:PIN" as lowercase hex (the phone hashes what is typed the same way).</summary>
    public static string PinHash(string deviceId, string pin) => Sha256.ComputeHex(deviceId + ":" + pin);

    /// <summary><c>  "name": [ ...one item per line... ]</c> without the trailing comma.</summary>
    private static string ListField(string name, IReadOnlyList<string> items)
    {
        var sb = new StringBuilder();
        JsonText.List(sb, "  ", name, items, last: true);
        return sb.ToString().TrimEnd('\n');
    }
}
