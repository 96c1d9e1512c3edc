// Writing office.json: one layout, so a saved file diffs cleanly and the same office gives the same bytes.
using System.Text;
using System.Text.Json.Nodes;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Files;

public static partial class OfficeFile
{
    /// <summary>Writes <paramref name="office"/> to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static void Save(string path, OfficeDirectory office)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp");
        File.WriteAllText(temp, Format(office), new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The text of office.json for <paramref name="office"/>.</summary>
    public static string Format(OfficeDirectory office)
    {
        var sb = new StringBuilder("{\n");
        sb.Append("  \"office\": ").Append(JsonText.Object(
            ("name", Str(office.Name)), ("domain", Str(office.Sip.Domain)),
            ("registrar", Str(office.Sip.Registrar)), ("outboundProxy", Str(office.Sip.OutboundProxy)))).Append(",\n");
        Limits l = office.Limits;
        sb.Append("  \"limits\": ").Append(JsonText.Object(
            ("assistantsPerExecutive", l.AssistantsPerExecutive), ("executivesPerAssistant", l.ExecutivesPerAssistant),
            ("pairingsPerOffice", l.PairingsPerOffice))).Append(",\n");
        WritePolicies(sb, office); // OfficeFile.Policies.cs
        WriteCrm(sb, office);      // OfficeFile.Crm.cs
        JsonText.List(sb, "  ", "users", office.Users.Select(u => JsonText.Object(
            ("id", u.Id), ("name", u.Name), ("extension", u.Extension), ("password", u.Password),
            ("active", u.Active ? null : (JsonNode)false),
            ("restricted", u.Restricted ? (JsonNode)true : null),
            ("vipCallers", u.VipCallers.Count == 0 ? null : JsonText.Strings(u.VipCallers)))).ToList(), last: false);
        WritePhones(sb, office.Phones);
        JsonText.List(sb, "  ", "pairings", office.Pairings.Select(p => JsonText.Object(
            ("id", p.Id), ("executive", p.Executive), ("assistant", p.Assistant),
            ("permissions", JsonText.Strings(PermissionNames.Of(p.Permissions))),
            ("state", Pairing.StateName(p.State)), ("createdBy", Pairing.OriginName(p.CreatedBy)),
            ("requestedBy", Str(p.RequestedBy)))).ToList(), last: true);
        return sb.Append("}\n").ToString();
    }

    private static void WritePhones(StringBuilder sb, IReadOnlyList<Phone> phones)
    {
        sb.Append("  \"phones\": [");
        for (int i = 0; i < phones.Count; i++)
        {
            Phone p = phones[i];
            var fields = new List<string>
            {
                $"\"id\": {JsonText.Quote(p.Id)}",
                $"\"user\": {JsonText.Quote(p.User)}",
                $"\"board\": {JsonText.Quote(p.Board)}",
            };
            if (p.File != null) fields.Add($"\"file\": {JsonText.Quote(p.File)}");
            if (p.Lines != Phone.DefaultLines) fields.Add($"\"lines\": {p.Lines}");
            if (p.Account != null) fields.Add("\"account\": " + JsonText.Inline(p.Account));
            if (p.Keys.Count > 0)
            {
                fields.Add("\"keys\": [\n" + string.Join(",\n", p.Keys.Select(k => "        " + JsonText.Inline(k))) + "\n      ]");
            }
            if (p.AdminPin != null) fields.Add($"\"adminPin\": {JsonText.Quote(p.AdminPin)}");
            if (p.Restricted) fields.Add("\"restricted\": true");
            if (p.ApiToken != null) fields.Add($"\"apiToken\": {JsonText.Quote(p.ApiToken)}");
            if (p.Address != null) fields.Add($"\"address\": {JsonText.Quote(p.Address)}");
            if (p.Features != null) fields.Add("\"features\": " + JsonText.Inline(p.Features));
            if (p.Display != null) fields.Add("\"display\": " + JsonText.Inline(p.Display));
            sb.Append(i == 0 ? "\n" : ",\n").Append("    {\n");
            sb.Append(string.Join(",\n", fields.Select(f => "      " + f))).Append("\n    }");
        }
        sb.Append(phones.Count == 0 ? "],\n" : "\n  ],\n");
    }

    private static JsonNode? Str(string? s) => s == null ? null : JsonValue.Create(s);
}
