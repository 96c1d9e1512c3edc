// The body of a phone's answer to a pairing request: "pairing:", "answer:" and "user:" lines.
namespace DeskPhone.Provision.Serve;

/// <summary>
/// What a phone says about a pending pairing (firmware/Phone/Phone.Pairing.cs writes it), as the body of a
/// SIP MESSAGE of type <see cref="ContentType"/>:
/// <code>
/// pairing: p2
/// answer: accept
/// user: 202
/// </code>
/// One "name: value" per line (CRLF or LF), each name once, no others; <c>answer</c> is accept or decline,
/// <c>user</c> the answering user's extension (their SIP user).
/// </summary>
public sealed record PairingAnswer(string PairingId, bool Accept, string User)
{
    /// <summary>The MESSAGE body type.</summary>
    public const string ContentType = "application/x-deskphone-pairing";

    /// <summary>Longest body taken.</summary>
    public const int MaxLength = 1024;

    static readonly string[] Names = { "pairing", "answer", "user" };

    /// <summary>Reads <paramref name="body"/>; false with the reason (for a 400) when it is not an answer.</summary>
    public static bool TryParse(string body, out PairingAnswer? answer, out string reason)
    {
        answer = null;
        if (body.Length == 0) return Fail("Empty body", out reason);
        if (body.Length > MaxLength) return Fail($"Body longer than {MaxLength} characters", out reason);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in body.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0) return Fail($"Not a 'name: value' line: '{Printable(line)}'", out reason);
            string name = line[..colon].Trim().ToLowerInvariant();
            string value = line[(colon + 1)..].Trim();
            if (!Names.Contains(name)) return Fail($"Unknown line '{Printable(name)}' (expected pairing, answer, user)", out reason);
            if (values.ContainsKey(name)) return Fail($"'{name}' given twice", out reason);
            values[name] = value;
        }
        foreach (string name in Names)
        {
            if (!values.ContainsKey(name)) return Fail($"Missing '{name}' line", out reason);
        }
        string id = values["pairing"];
        if (id.Length == 0 || id.Length > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            return Fail($"'{Printable(id)}' is not a pairing id", out reason);
        string verb = values["answer"].ToLowerInvariant();
        if (verb != "accept" && verb != "decline") return Fail($"Answer '{Printable(values["answer"])}' is neither accept nor decline", out reason);
        string user = values["user"];
        if (user.Length == 0 || user.Length > 32 || !user.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+'))
            return Fail($"'{Printable(user)}' is not an extension", out reason);
        answer = new PairingAnswer(id, verb == "accept", user);
        reason = "";
        return true;
    }

    /// <summary>The body for <paramref name="answer"/>, as the phones write it.</summary>
    public static string Format(PairingAnswer answer) =>
        $"pairing: {answer.PairingId}\r\nanswer: {(answer.Accept ? "accept" : "decline")}\r\nuser: {answer.User}\r\n";

    static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }

    static string Printable(string s)
    {
        string cut = s.Length > 40 ? s[..40] + "..." : s;
        return new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
