// One device-file section checked by the phones' own loader, so the office tool and a phone never disagree.
using System.Text.Json.Nodes;
using DeskPhone.Firmware.Config;
using DeskPhone.Office.Files;

namespace DeskPhone.Office.Rules;

/// <summary>
/// Puts a section ("api", "webhooks", "contacts") into the smallest valid device file and runs the
/// firmware's <see cref="DeviceConfigLoader"/> on it: the office tool refuses exactly what a phone would.
/// </summary>
public static class FirmwareCheck
{
    /// <summary>A device file with nothing but what the loader requires.</summary>
    private const string Minimal =
        "{\"device\": {\"id\": \"check\", \"name\": \"Check\", \"extension\": \"200\", \"board\": \"check\"}, "
        + "\"accounts\": [{\"id\": \"main\", \"user\": \"200\", \"domain\": \"office.example\", \"registrar\": \"sip:192.0.2.1\"}], "
        + "\"keys\": [{\"kind\": \"line\", \"account\": \"main\"}]";

    /// <summary>One problem the loader found in the section: the field inside it ("url"; "" for the section) and its message.</summary>
    public sealed record Problem(string Field, string Message);

    /// <summary>The loader's problems with <c>"<paramref name="section"/>": <paramref name="value"/></c>; empty when a phone takes it.</summary>
    public static IReadOnlyList<Problem> Section(string section, JsonObject value)
    {
        string text = Minimal + ", " + JsonText.Quote(section) + ": " + JsonText.Inline(value) + "}";
        if (DeviceConfigLoader.TryLoad("check.json", text, out _, out ConfigErrors errors)) return Array.Empty<Problem>();
        var problems = new List<Problem>();
        for (int i = 0; i < errors.Count; i++)
        {
            string path = errors[i].Path;
            string field = path == section ? "" : path.StartsWith(section + ".", StringComparison.Ordinal) ? path[(section.Length + 1)..] : path;
            problems.Add(new Problem(field, errors[i].Message));
        }
        return problems;
    }

    /// <summary>The first problem as "WHAT message" (<paramref name="names"/> maps fields to words: "url" → "the webhook URL"), or null.</summary>
    public static string? Refusal(string section, JsonObject value, IReadOnlyDictionary<string, string> names)
    {
        Problem? p = Section(section, value).FirstOrDefault();
        if (p == null) return null;
        string what = names.TryGetValue(p.Field, out string? word) ? word : section + (p.Field.Length == 0 ? "" : "." + p.Field);
        return what + " " + p.Message;
    }
}
