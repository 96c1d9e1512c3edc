// office.json: read with every error located, written back in one stable layout.
using System.Text;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Sip;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Files;

/// <summary>
/// Reads and writes the office directory file (format: tools/Office/README.md). Reading checks the
/// whole file, including the pairing rules a hand edit could break, and reports every problem as
/// <c>file:line:column: field: message</c>. Writing is atomic and gives the same bytes for the same office.
/// </summary>
public static partial class OfficeFile
{
    private static readonly string[] TopFields = { "office", "limits", "outcomes", "recording", "roles", "crm", "users", "phones", "pairings" };
    private static readonly string[] OfficeFields = { "name", "domain", "registrar", "outboundProxy" };
    private static readonly string[] LimitFields = { "assistantsPerExecutive", "executivesPerAssistant", "pairingsPerOffice" };
    private static readonly string[] UserFields = { "id", "name", "extension", "password", "active", "vipCallers", "restricted" };
    private static readonly string[] PhoneFields = { "id", "user", "board", "file", "lines", "account", "keys", "adminPin", "restricted", "apiToken", "address", "features", "display" };
    private static readonly string[] PairingFields = { "id", "executive", "assistant", "permissions", "state", "createdBy", "requestedBy" };
    private static readonly string[] StateNames = { "active", "pending", "declined" };
    private static readonly string[] OriginNames = { "admin", "user" };

    /// <summary>Account fields the tool writes from the user record; a phone's "account" may not set them.</summary>
    public static readonly string[] GeneratedAccountFields = { "id", "user", "displayName", "domain", "password", "registrar", "outboundProxy" };

    /// <summary>Most pairings a limit may allow, and most line keys a phone may ask for.</summary>
    public const int MaxLimit = 1000;
    public const int MaxLines = 16;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="OfficeFileException"/> with every error.</summary>
    public static OfficeDirectory Load(string path)
    {
        if (!File.Exists(path)) throw new OfficeFileException(new[] { new OfficeError(path, 1, 1, "", "no such file") });
        return Parse(path, File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>Reads office.json text (<paramref name="fileName"/> names it in errors).</summary>
    public static OfficeDirectory Parse(string fileName, string text)
    {
        if (!TryParse(fileName, text, out OfficeDirectory? office, out IReadOnlyList<OfficeError> errors)) throw new OfficeFileException(errors);
        return office!;
    }

    public static bool TryParse(string fileName, string text, out OfficeDirectory? office, out IReadOnlyList<OfficeError> errors)
    {
        office = null;
        var found = new OfficeErrors(fileName);
        JsonReader.TryParseAll(text.TrimStart('\uFEFF'), out JsonValue root, out JsonError[] jsonErrors);
        foreach (JsonError e in jsonErrors) found.Add(e.Line, e.Column, e.Path, e.Message);
        if (root != null)
        {
            office = Read(root, found);
        }
        errors = found.Sorted();
        if (errors.Count > 0) office = null;
        return errors.Count == 0;
    }

    private static OfficeDirectory? Read(JsonValue root, OfficeErrors errors)
    {
        FieldReader? top = FieldReader.Open(root, "", TopFields, errors);
        if (top == null) return null;
        SipSettings? sip = ReadSip(top, errors, out string? name);
        Limits limits = ReadLimits(top, errors);
        var office = new OfficeDirectory { Name = name, Sip = sip ?? new SipSettings { Domain = "", Registrar = "" }, Limits = limits };
        ReadOutcomes(top, office, errors);  // OfficeFile.Policies.cs
        ReadRecording(top, office, errors);
        ReadRoles(top, office, errors);
        ReadCrm(top, office, errors);       // OfficeFile.Crm.cs
        var userAt = ReadUsers(top, office, errors);
        ReadPhones(top, office, userAt, errors);
        ReadPairings(top, office, userAt, errors);
        return sip == null ? null : office;
    }

    private static SipSettings? ReadSip(FieldReader top, OfficeErrors errors, out string? name)
    {
        name = null;
        JsonValue? v = top.Container("office", JsonKind.Object, true);
        FieldReader? o = v == null ? null : FieldReader.Open(v, "office", OfficeFields, errors);
        if (o == null) return null;
        name = o.String("name", false);
        string? domain = o.String("domain", true, 253);
        if (domain != null && (!SipUri.TryParse("sip:" + domain, out SipUri parsed, out _) || parsed.User != null || parsed.HasPort))
        {
            o.ErrorAt("domain", $"'{domain}' is not a host name or address");
            domain = null;
        }
        string? registrar = Uri(o, "registrar", true);
        string? proxy = Uri(o, "outboundProxy", false);
        return domain == null || registrar == null ? null : new SipSettings { Domain = domain, Registrar = registrar, OutboundProxy = proxy };
    }

    private static string? Uri(FieldReader o, string name, bool required)
    {
        string? text = o.String(name, required, 256);
        if (text != null && !SipUri.TryParse(text, out _, out string reason))
        {
            o.ErrorAt(name, $"'{text}' is not a SIP URI ({reason})");
            return null;
        }
        return text;
    }

    private static Limits ReadLimits(FieldReader top, OfficeErrors errors)
    {
        var limits = new Limits();
        JsonValue? v = top.Container("limits", JsonKind.Object, false);
        FieldReader? o = v == null ? null : FieldReader.Open(v, "limits", LimitFields, errors);
        if (o == null) return limits;
        limits.AssistantsPerExecutive = o.Integer("assistantsPerExecutive", 1, MaxLimit) ?? limits.AssistantsPerExecutive;
        limits.ExecutivesPerAssistant = o.Integer("executivesPerAssistant", 1, MaxLimit) ?? limits.ExecutivesPerAssistant;
        limits.PairingsPerOffice = o.Integer("pairingsPerOffice", 1, MaxLimit) ?? limits.PairingsPerOffice;
        return limits;
    }

    private static Dictionary<string, JsonValue> ReadUsers(FieldReader top, OfficeDirectory office, OfficeErrors errors)
    {
        var at = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonValue? list = top.Container("users", JsonKind.Array, true);
        for (int i = 0; list != null && i < list.Count; i++)
        {
            FieldReader? o = FieldReader.Open(list[i], $"users[{i}]", UserFields, errors);
            if (o == null) continue;
            string? id = o.Identifier("id", true);
            string? name = o.String("name", true);
            string? extension = o.String("extension", true, 32);
            string? password = o.String("password", true, 128);
            bool active = o.Boolean("active") ?? true;
            bool restricted = o.Boolean("restricted") ?? false;
            var vip = o.Strings("vipCallers", 256);
            if (extension != null && !extension.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+'))
            {
                o.ErrorAt("extension", $"'{extension}' is not a dial string (digits, '*', '#' and '+')");
                extension = null;
            }
            if (password != null && (password.Contains(':') || password.Contains('\\')))
            {
                // db_text (the softswitch's subscriber table) cannot store them.
                o.ErrorAt("password", "':' and '\\' cannot be used in a SIP password here");
                password = null;
            }
            if (id != null && at.ContainsKey(id))
            {
                o.ErrorAt("id", $"'{id}' is already the id of another user");
                id = null;
            }
            if (extension != null && extensions.TryGetValue(extension, out string? owner))
            {
                o.ErrorAt("extension", $"{extension} is already {owner}'s extension");
                extension = null;
            }
            // Taken even when the user has other errors, so that a second user with them is reported too.
            if (id != null) at[id] = list[i];
            if (id != null && extension != null) extensions[extension] = id;
            if (id == null || name == null || extension == null || password == null) continue;
            office.Users.Add(new User
            {
                Id = id, Name = name, Extension = extension, Password = password, Active = active, Restricted = restricted,
                VipCallers = vip?.Select(v => v.Text).ToList() ?? new List<string>(),
            });
        }
        return at;
    }

    private static void ReadPhones(FieldReader top, OfficeDirectory office, Dictionary<string, JsonValue> users, OfficeErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonValue? list = top.Container("phones", JsonKind.Array, false);
        for (int i = 0; list != null && i < list.Count; i++)
        {
            FieldReader? o = FieldReader.Open(list[i], $"phones[{i}]", PhoneFields, errors);
            if (o == null) continue;
            string? id = o.Identifier("id", true);
            string? user = o.Identifier("user", true);
            string? board = o.Identifier("board", true);
            string? file = o.Identifier("file", false);
            int lines = o.Integer("lines", 0, MaxLines) ?? Phone.DefaultLines;
            var account = o.Object("account");
            string? adminPin = Pin(o, "adminPin");
            bool restricted = o.Boolean("restricted") ?? false;
            ReadPhoneCrm(o, tokens, errors, out string? apiToken, out string? address); // OfficeFile.Crm.cs
            var features = o.Object("features");
            var display = o.Object("display");
            if (id != null && !ids.Add(id))
            {
                o.ErrorAt("id", $"'{id}' is already the id of another phone");
                id = null;
            }
            if (id != null && !files.Add(file ?? id))
            {
                o.ErrorAt(file != null ? "file" : "id", $"another phone's device file is already named '{file ?? id}.json'");
                id = null;
            }
            if (user != null && !users.ContainsKey(user))
            {
                o.ErrorAt("user", $"no user '{user}' in the office{Spelling.Hint(user, users.Keys)}");
            }
            if (user != null && office.FindUser(user) == null) user = null; // unknown, or a user with errors of their own
            if (account != null)
            {
                foreach (string generated in GeneratedAccountFields.Where(account.ContainsKey))
                {
                    errors.Add(o.Get("account")!.Get(generated)!, $"phones[{i}].account.{generated}", $"'{generated}' comes from the office and the user; leave it out");
                }
            }
            var keys = new List<System.Text.Json.Nodes.JsonObject>();
            JsonValue? keyList = o.Container("keys", JsonKind.Array, false);
            for (int k = 0; keyList != null && k < keyList.Count; k++)
            {
                JsonValue key = keyList[k];
                if (key.Kind != JsonKind.Object)
                {
                    errors.Add(key, $"phones[{i}].keys[{k}]", "expected an object, found " + key.Describe());
                    continue;
                }
                string? kind = key.Get("kind")?.StringValue;
                if (kind is "line" or "shared")
                {
                    errors.Add(key.Get("kind")!, $"phones[{i}].keys[{k}].kind", kind == "line"
                        ? "line keys come from \"lines\"; give the number of lines instead"
                        : "shared keys come from the user's pairings (deskphone-provision office pair)");
                    continue;
                }
                keys.Add((System.Text.Json.Nodes.JsonObject)JsonCopy.ToNode(key)!);
            }
            if (id == null || user == null || board == null) continue;
            office.Phones.Add(new Phone
            {
                Id = id, User = user, Board = board, File = file, Lines = lines,
                Account = account, Keys = keys, Features = features, Display = display, AdminPin = adminPin, Restricted = restricted, ApiToken = apiToken, Address = address,
            });
        }
    }

    private static void ReadPairings(FieldReader top, OfficeDirectory office, Dictionary<string, JsonValue> users, OfficeErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        JsonValue? list = top.Container("pairings", JsonKind.Array, false);
        for (int i = 0; list != null && i < list.Count; i++)
        {
            FieldReader? o = FieldReader.Open(list[i], $"pairings[{i}]", PairingFields, errors);
            if (o == null) continue;
            string? id = o.Identifier("id", true);
            string? executive = o.Identifier("executive", true);
            string? assistant = o.Identifier("assistant", true);
            Permissions permissions = PermissionNames.Default;
            var names = o.Strings("permissions");
            if (names != null)
            {
                permissions = Permissions.None;
                foreach (var (name, at) in names)
                {
                    if (PermissionNames.TryParse(name, out Permissions flag)) permissions |= flag;
                    else errors.Add(at, o.FieldPath("permissions"), $"'{name}' is not a permission{Spelling.Hint(name, PermissionNames.Names)}; expected one of {string.Join(", ", PermissionNames.Names)}");
                }
            }
            int state = Choice(o, "state", StateNames, true);
            int origin = Choice(o, "createdBy", OriginNames, false);
            string? requestedBy = o.Identifier("requestedBy", false);
            if (id != null && !ids.Add(id))
            {
                o.ErrorAt("id", $"'{id}' is already the id of another pairing");
                id = null;
            }
            foreach (string field in new[] { "executive", "assistant" })
            {
                string? who = field == "executive" ? executive : assistant;
                if (who != null && !users.ContainsKey(who))
                {
                    o.ErrorAt(field, $"no user '{who}' in the office{Spelling.Hint(who, users.Keys)}");
                }
                if (who != null && office.FindUser(who) == null)
                {
                    if (field == "executive") executive = null; else assistant = null; // unknown, or a user with errors of their own
                }
            }
            var createdBy = origin == 1 ? PairingOrigin.User : PairingOrigin.Admin;
            if (createdBy == PairingOrigin.User && requestedBy == null && o.Get("requestedBy") == null)
            {
                o.ErrorAt("createdBy", "a pairing a user made needs 'requestedBy' (the user who asked)");
                continue;
            }
            if (createdBy == PairingOrigin.Admin && requestedBy != null)
            {
                o.ErrorAt("requestedBy", "only for pairings a user made (\"createdBy\": \"user\")");
                continue;
            }
            if (requestedBy != null && executive != null && assistant != null && requestedBy != executive && requestedBy != assistant)
            {
                o.ErrorAt("requestedBy", $"{requestedBy} is neither {executive} nor {assistant}");
                continue;
            }
            if (id == null || executive == null || assistant == null || state < 0) continue;
            var pairing = new Pairing
            {
                Id = id, Executive = executive, Assistant = assistant, Permissions = permissions,
                State = (PairingState)state, CreatedBy = createdBy, RequestedBy = requestedBy,
            };
            if (pairing.IsLive)
            {
                string? rule = new[] { executive, assistant }.Select(u => office.FindUser(u)!).Where(u => !u.Active)
                        .Select(u => $"{u.Id} is deactivated; a deactivated user has no live pairings").FirstOrDefault()
                    ?? PairingRules.Conflict(office, executive, assistant);
                if (rule != null)
                {
                    errors.Add(list[i], $"pairings[{i}]", rule);
                    continue;
                }
            }
            office.Pairings.Add(pairing);
        }
    }

    private static int Choice(FieldReader o, string name, string[] choices, bool required)
    {
        string? s = o.String(name, required);
        if (s == null) return -1;
        int index = Array.IndexOf(choices, s);
        if (index < 0) o.ErrorAt(name, $"'{s}' is not one of {string.Join(", ", choices)}{Spelling.Hint(s, choices)}");
        return index;
    }
}
