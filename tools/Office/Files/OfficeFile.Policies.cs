// office.json's front-desk sections: "outcomes", "recording" and "roles", read with every error located and written back.
using System.Text;
using JsonNodeValue = System.Text.Json.Nodes.JsonValue;
using DeskPhone.Firmware.Json;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Files;

public static partial class OfficeFile
{
    private static readonly string[] OutcomeFields = { "id", "label", "enabled" };
    private static readonly string[] RecordingFields = { "mode", "download", "notice" };
    private static readonly string[] RoleFields = { "adminPin", "emergency", "internal" };

    private static void ReadOutcomes(FieldReader top, OfficeDirectory office, OfficeErrors errors)
    {
        JsonValue? list = top.Container("outcomes", JsonKind.Array, false);
        if (list == null) return;
        if (list.Count > OutcomeChoice.Max) top.ErrorAt("outcomes", $"{list.Count} outcomes; at most {OutcomeChoice.Max} are allowed (the phones' limit)");
        for (int i = 0; i < list.Count; i++)
        {
            FieldReader? o = FieldReader.Open(list[i], $"outcomes[{i}]", OutcomeFields, errors);
            if (o == null) continue;
            string? id = o.Identifier("id", true);
            string? label = o.String("label", true, OutcomeChoice.MaxLabel);
            bool enabled = o.Boolean("enabled") ?? true;
            if (id != null && office.FindOutcome(id) != null)
            {
                o.ErrorAt("id", $"'{id}' is already the id of another outcome");
                continue;
            }
            if (label != null && office.Outcomes.Any(x => x.Label == label))
            {
                o.ErrorAt("label", $"'{label}' is already the label of another outcome");
                continue;
            }
            if (id == null || label == null) continue;
            office.Outcomes.Add(new OutcomeChoice { Id = id, Label = label, Enabled = enabled });
        }
    }

    private static void ReadRecording(FieldReader top, OfficeDirectory office, OfficeErrors errors)
    {
        JsonValue? v = top.Container("recording", JsonKind.Object, false);
        FieldReader? o = v == null ? null : FieldReader.Open(v, "recording", RecordingFields, errors);
        if (o == null) return;
        int mode = Choice(o, "mode", RecordingPolicy.ModeNames, true);
        bool download = o.Boolean("download") ?? false;
        bool notice = o.Boolean("notice") ?? true;
        if (mode < 0) return;
        office.Recording = new RecordingPolicy { Mode = (RecordingMode)mode, Download = download, Notice = notice };
    }

    private static void ReadRoles(FieldReader top, OfficeDirectory office, OfficeErrors errors)
    {
        JsonValue? v = top.Container("roles", JsonKind.Object, false);
        FieldReader? o = v == null ? null : FieldReader.Open(v, "roles", RoleFields, errors);
        if (o == null) return;
        var roles = new RolePolicy { AdminPin = Pin(o, "adminPin") };
        roles.Emergency = Numbers(o, "emergency", pattern: false, errors) ?? roles.Emergency;
        roles.Internal = Numbers(o, "internal", pattern: true, errors) ?? roles.Internal;
        office.Roles = roles;
    }

    /// <summary>"adminPin": 4-12 digits, or null (error added when wrong).</summary>
    private static string? Pin(FieldReader o, string name)
    {
        string? pin = o.String(name, false, 64);
        if (pin != null && !RolePolicy.IsPin(pin))
        {
            o.ErrorAt(name, $"a PIN is {RolePolicy.MinPin}-{RolePolicy.MaxPin} digits");
            return null;
        }
        return pin;
    }

    private static List<string>? Numbers(FieldReader o, string name, bool pattern, OfficeErrors errors)
    {
        var items = o.Strings(name, 32);
        if (items == null) return null;
        var result = new List<string>();
        foreach (var (text, at) in items)
        {
            if (RolePolicy.IsNumber(text, pattern)) result.Add(text);
            else errors.Add(at, o.FieldPath(name), pattern
                ? $"'{text}' is not a number pattern (digits, '*', '#', '+' and X for any digit, like 2XX)"
                : $"'{text}' is not a dial string (digits, '*', '#' and '+')");
        }
        return result;
    }

    /// <summary>Appends "outcomes", "recording" and "roles" when the office has them.</summary>
    private static void WritePolicies(StringBuilder sb, OfficeDirectory office)
    {
        if (office.Outcomes.Count > 0)
        {
            JsonText.List(sb, "  ", "outcomes", office.Outcomes.Select(OutcomeJson).ToList(), last: false);
        }
        if (office.Recording != null) sb.Append("  \"recording\": ").Append(RecordingJson(office.Recording)).Append(",\n");
        if (office.Roles != null)
        {
            RolePolicy r = office.Roles;
            sb.Append("  \"roles\": ").Append(JsonText.Object(
                ("adminPin", r.AdminPin == null ? null : JsonNodeValue.Create(r.AdminPin)),
                ("emergency", JsonText.Strings(r.Emergency)), ("internal", JsonText.Strings(r.Internal)))).Append(",\n");
        }
    }

    /// <summary><c>{ "id": "reached", "label": "Reached", "enabled": true }</c>, as office.json and the device files write it.</summary>
    public static string OutcomeJson(OutcomeChoice o) => JsonText.Object(("id", o.Id), ("label", o.Label), ("enabled", o.Enabled));

    /// <summary><c>{ "mode": "on", "download": false, "notice": true }</c>, as office.json and the device files write it.</summary>
    public static string RecordingJson(RecordingPolicy p) => JsonText.Object(("mode", p.ModeName), ("download", p.Download), ("notice", p.Notice));
}
