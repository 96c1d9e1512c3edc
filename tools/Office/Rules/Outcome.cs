// The answer to a change: done (with what it did and any warnings) or refused (with why).
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// What an operation did. When <see cref="Ok"/> is false the office is unchanged and
/// <see cref="Message"/> says why, in words an administrator or a phone's screen can show.
/// </summary>
public sealed record Outcome(bool Ok, string Message, IReadOnlyList<string> Warnings, Pairing? Pairing = null)
{
    public static Outcome Done(string message, Pairing? pairing = null, IReadOnlyList<string>? warnings = null) =>
        new(true, message, warnings ?? Array.Empty<string>(), pairing);

    public static Outcome Refused(string message) => new(false, message, Array.Empty<string>());

    public override string ToString() => (Ok ? "" : "refused: ") + Message;
}
