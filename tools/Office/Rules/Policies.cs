// The office's front-desk policies changed by an administrator: the call outcome list, recording and roles.
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// Adding, renaming, disabling, enabling and deleting call outcomes, setting the recording policy and the
/// roles. Only an administrator may; each operation changes the office and says what it did, or changes
/// nothing and says why not. Deleting an outcome takes it off the list; calls on the phones that carry it
/// keep its label (a phone's history stores labels, not ids). Disabling keeps it on the list, not offered.
/// </summary>
public static class Policies
{
    private static string? AdminOnly(Actor by, string what) => by.IsAdmin ? null : $"only an admin can change {what} ({by} is a user)";

    /// <summary>Adds an outcome labelled <paramref name="label"/>, id <paramref name="id"/> or one made from the label ("Left voicemail" → left-voicemail).</summary>
    public static Outcome AddOutcome(OfficeDirectory office, string label, string? id = null, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin, "the outcome list") ?? CheckLabel(office, label, null);
        if (refusal != null) return Outcome.Refused(refusal);
        id ??= IdFrom(label);
        if (id.Length == 0 || id.Length > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return Outcome.Refused($"'{id}' is not an outcome id (1-32 letters, digits, '-' and '_'); give one with --id");
        if (office.FindOutcome(id) != null) return Outcome.Refused($"there is already an outcome '{id}' ({office.FindOutcome(id)!.Label})");
        if (office.Outcomes.Count >= OutcomeChoice.Max) return Outcome.Refused($"the office has {OutcomeChoice.Max} outcomes, the most a phone shows; delete one first");
        office.Outcomes.Add(new OutcomeChoice { Id = id, Label = label });
        return Outcome.Done($"outcome {id} added: \"{label}\"");
    }

    /// <summary>Gives outcome <paramref name="id"/> a new label; calls already logged keep the old one.</summary>
    public static Outcome RenameOutcome(OfficeDirectory office, string id, string label, Actor? by = null)
    {
        string? missing = Find(office, id, out OutcomeChoice? o);
        string? refusal = AdminOnly(by ?? Actor.Admin, "the outcome list") ?? missing ?? CheckLabel(office, label, id);
        if (refusal != null) return Outcome.Refused(refusal);
        string old = o!.Label;
        o.Label = label;
        return Outcome.Done($"outcome {id} renamed: \"{old}\" is now \"{label}\" (calls already logged keep \"{old}\")");
    }

    /// <summary>Offers outcome <paramref name="id"/> again (<paramref name="enabled"/>) or no longer; calls that carry it keep it.</summary>
    public static Outcome SetOutcomeEnabled(OfficeDirectory office, string id, bool enabled, Actor? by = null)
    {
        string? missing = Find(office, id, out OutcomeChoice? o);
        string? refusal = AdminOnly(by ?? Actor.Admin, "the outcome list") ?? missing;
        if (refusal != null) return Outcome.Refused(refusal);
        if (o!.Enabled == enabled) return Outcome.Refused($"outcome {id} is already {(enabled ? "enabled" : "disabled")}");
        o.Enabled = enabled;
        return Outcome.Done(enabled
            ? $"outcome {id} (\"{o.Label}\") enabled: the phones offer it again"
            : $"outcome {id} (\"{o.Label}\") disabled: no longer offered; calls that have it keep it");
    }

    /// <summary>Takes outcome <paramref name="id"/> off the list; calls on the phones keep its label.</summary>
    public static Outcome DeleteOutcome(OfficeDirectory office, string id, Actor? by = null)
    {
        string? missing = Find(office, id, out OutcomeChoice? o);
        string? refusal = AdminOnly(by ?? Actor.Admin, "the outcome list") ?? missing;
        if (refusal != null) return Outcome.Refused(refusal);
        office.Outcomes.Remove(o!);
        return Outcome.Done($"outcome {id} (\"{o!.Label}\") deleted; calls already logged with it keep \"{o.Label}\"");
    }

    /// <summary>Sets the recording policy; <paramref name="download"/> and <paramref name="notice"/> keep their value when null.</summary>
    public static Outcome SetRecording(OfficeDirectory office, RecordingMode mode, bool? download, bool? notice, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin, "the recording policy");
        if (refusal != null) return Outcome.Refused(refusal);
        var policy = office.Recording ?? new RecordingPolicy();
        policy.Mode = mode;
        if (download != null) policy.Download = download.Value;
        if (notice != null) policy.Notice = notice.Value;
        office.Recording = policy;
        string what = mode switch
        {
            RecordingMode.Off => "off: no call is recorded",
            RecordingMode.Forced => "forced: every call is recorded",
            _ => "on: a call is recorded when its user presses Record",
        };
        return Outcome.Done($"recording {what}; downloads {(policy.Download ? "allowed" : "not allowed")}; "
            + $"the far end {(policy.Notice ? "is told" : "is not told")}");
    }

    /// <summary>What <see cref="SetRoles"/> changes; null fields stay as they are.</summary>
    public sealed record RoleChange(string? AdminPin = null, bool RemovePin = false, string? Phone = null, string? User = null,
        bool? Restricted = null, IReadOnlyList<string>? Emergency = null, IReadOnlyList<string>? Internal = null);

    /// <summary>
    /// Sets the admin PIN (office-wide, or of <see cref="RoleChange.Phone"/>), restricts or frees a user or phone,
    /// and sets the emergency numbers and internal patterns.
    /// </summary>
    public static Outcome SetRoles(OfficeDirectory office, RoleChange change, Actor? by = null)
    {
        string? refusal = AdminOnly(by ?? Actor.Admin, "roles");
        if (refusal != null) return Outcome.Refused(refusal);
        Phone? phone = null;
        User? user = null;
        if (change.Phone != null && (phone = office.FindPhone(change.Phone)) == null)
            return Outcome.Refused($"no phone '{change.Phone}' in the office{Spelling.Hint(change.Phone, office.Phones.Select(p => p.Id))}");
        if (change.User != null && (user = office.FindUser(change.User)) == null)
            return Outcome.Refused($"no user '{change.User}' in the office{Spelling.Hint(change.User, office.Users.Select(u => u.Id))}");
        if (change.Restricted != null && phone == null && user == null) return Outcome.Refused("say whom to restrict: --user USER or --phone PHONE");
        if (change.Restricted != null && phone != null && user != null) return Outcome.Refused("restrict either a user or a phone, not both at once");
        if (change.AdminPin != null && !RolePolicy.IsPin(change.AdminPin)) return Outcome.Refused($"a PIN is {RolePolicy.MinPin}-{RolePolicy.MaxPin} digits");
        if (user != null && change.Restricted == null) return Outcome.Refused("--user goes with --restricted yes|no");
        foreach (string n in change.Emergency ?? Array.Empty<string>())
            if (!RolePolicy.IsNumber(n, false)) return Outcome.Refused($"'{n}' is not a dial string (digits, '*', '#' and '+')");
        foreach (string n in change.Internal ?? Array.Empty<string>())
            if (!RolePolicy.IsNumber(n, true)) return Outcome.Refused($"'{n}' is not a number pattern (digits and X for any digit, like 2XX)");

        var done = new List<string>();
        if (change.AdminPin != null || change.RemovePin)
        {
            if (phone != null)
            {
                phone.AdminPin = change.RemovePin ? null : change.AdminPin;
                done.Add(change.RemovePin ? $"phone {phone.Id} uses the office's admin PIN" : $"phone {phone.Id} has its own admin PIN");
            }
            else
            {
                office.Roles ??= new RolePolicy();
                office.Roles.AdminPin = change.RemovePin ? null : change.AdminPin;
                done.Add(change.RemovePin ? "the office has no admin PIN" : "office admin PIN set");
            }
        }
        if (change.Restricted != null)
        {
            if (phone != null) phone.Restricted = change.Restricted.Value;
            else user!.Restricted = change.Restricted.Value;
            done.Add((phone != null ? $"phone {phone.Id}" : $"{user!.Id}'s phones") + (change.Restricted.Value
                ? " restricted: answer calls, dial only emergency and internal numbers, settings locked"
                : " no longer restricted"));
        }
        if (change.Emergency != null)
        {
            office.Roles ??= new RolePolicy();
            office.Roles.Emergency = change.Emergency.ToList();
            done.Add("emergency numbers " + string.Join(", ", change.Emergency));
        }
        if (change.Internal != null)
        {
            office.Roles ??= new RolePolicy();
            office.Roles.Internal = change.Internal.ToList();
            done.Add("internal numbers " + (change.Internal.Count == 0 ? "none" : string.Join(", ", change.Internal)));
        }
        if (done.Count == 0) return Outcome.Refused("nothing to change: give --admin-pin, --restricted, --emergency or --internal");
        var warnings = new List<string>();
        bool anyRestricted = office.Phones.Any(p => p.Restricted) || office.Users.Any(u => u.Restricted);
        if (anyRestricted && (office.Roles == null || office.Roles.Internal.Count == 0))
            warnings.Add("restricted phones may call only emergency numbers until internal patterns are set (--internal 2XX)");
        return Outcome.Done(string.Join("; ", done), warnings: warnings);
    }

    private static string? Find(OfficeDirectory office, string id, out OutcomeChoice? outcome)
    {
        outcome = office.FindOutcome(id);
        if (outcome != null) return null;
        string known = office.Outcomes.Count == 0 ? "the office has none" : "outcomes: " + string.Join(", ", office.Outcomes.Select(o => o.Id));
        return $"no outcome '{id}'{Spelling.Hint(id, office.Outcomes.Select(o => o.Id))} ({known})";
    }

    private static string? CheckLabel(OfficeDirectory office, string label, string? ownId)
    {
        if (label.Trim().Length == 0) return "an outcome's label must not be empty";
        if (label.Length > OutcomeChoice.MaxLabel) return $"\"{label}\" is {label.Length} characters long; a phone shows at most {OutcomeChoice.MaxLabel}";
        if (label.Any(c => c < ' ' || c == '\u007f')) return "an outcome's label may not contain control characters";
        OutcomeChoice? same = office.Outcomes.FirstOrDefault(o => o.Label == label && o.Id != ownId);
        return same == null ? null : $"outcome {same.Id} is already labelled \"{label}\"";
    }

    /// <summary>"Left voicemail" → "left-voicemail".</summary>
    public static string IdFrom(string label)
    {
        var chars = new List<char>();
        foreach (char c in label.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) chars.Add(c);
            else if (chars.Count > 0 && chars[^1] != '-') chars.Add('-');
        }
        string id = new string(chars.ToArray()).Trim('-');
        return id.Length > 32 ? id[..32].TrimEnd('-') : id;
    }
}
