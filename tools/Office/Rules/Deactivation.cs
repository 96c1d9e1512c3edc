// A user leaves: their pairings go to a successor, like an agent's open items when they leave.
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// Deactivates a user. Their active pairings as an assistant are handed to <c>successor</c> with the
/// same permissions (active at once: an administrator does this). Without a successor, or where a
/// handover would break a rule, the pairing is removed and an executive left without an answering
/// assistant gets a warning. Pending and declined pairings of the user are withdrawn, and pairings
/// where the user was the executive end. A handover that would break a limit refuses the whole
/// deactivation, so nothing is half done.
/// </summary>
public static class Deactivation
{
    public static Outcome DeactivateUser(OfficeDirectory office, string userId, string? successorId = null)
    {
        User? user = office.FindUser(userId);
        if (user == null) return Outcome.Refused($"no user '{userId}' in the office{Spelling.Hint(userId, office.Users.Select(u => u.Id))}");
        if (!user.Active) return Outcome.Refused($"{userId} is already deactivated");
        if (successorId != null)
        {
            if (successorId == userId) return Outcome.Refused($"{userId} cannot be their own successor");
            string? refusal = PairingRules.CheckUser(office, successorId, out _);
            if (refusal != null) return Outcome.Refused("successor: " + refusal);
        }

        var lines = new List<string>();
        var warnings = new List<string>();
        var handOver = new List<Pairing>();
        var remove = new List<Pairing>();
        foreach (Pairing p in office.Pairings.Where(p => p.Involves(userId)).ToList())
        {
            if (p.State != PairingState.Active)
            {
                remove.Add(p);
                lines.Add($"pairing {p.Id} ({Pairing.StateName(p.State)}) withdrawn");
            }
            else if (p.Executive == userId)
            {
                remove.Add(p);
                lines.Add($"pairing {p.Id} ended: {userId} was its executive ({p.Assistant} assisted)");
            }
            else if (successorId == null)
            {
                remove.Add(p);
                lines.Add($"pairing {p.Id} removed: {userId} assisted {p.Executive}");
            }
            else
            {
                handOver.Add(p);
            }
        }

        // Check every handover against the office as it will be (the user's pairings gone), before changing anything.
        var after = new OfficeDirectory
        {
            Sip = office.Sip,
            Limits = office.Limits,
            Users = office.Users,
            Pairings = office.Pairings.Except(remove).Except(handOver).ToList(),
        };
        var moved = new List<Pairing>();
        foreach (Pairing p in handOver)
        {
            // The handover is an admin's act: it takes the place of the successor's own pending request.
            Pairing? request = after.Pairings.FirstOrDefault(q => q.State == PairingState.Pending && q.Executive == p.Executive && q.Assistant == successorId);
            if (request != null)
            {
                after.Pairings.Remove(request);
                remove.Add(request);
                lines.Add($"pairing {request.Id} (pending) replaced by the handover of {p.Id}");
            }
            string? conflict = PairingRules.Conflict(after, p.Executive, successorId!);
            if (conflict == null)
            {
                moved.Add(p);
                after.Pairings.Add(new Pairing { Id = p.Id, Executive = p.Executive, Assistant = successorId!, Permissions = p.Permissions });
                continue;
            }
            if (conflict.Contains("(limit:"))
            {
                return Outcome.Refused($"cannot hand pairing {p.Id} ({p.Executive}) to {successorId}: {conflict}; name another successor or raise the limit");
            }
            remove.Add(p);
            lines.Add($"pairing {p.Id} removed, not handed to {successorId}: {conflict}");
        }

        user.Active = false;
        foreach (Pairing p in remove) office.Pairings.Remove(p);
        foreach (Pairing p in moved)
        {
            p.Assistant = successorId!;
            p.CreatedBy = PairingOrigin.Admin;
            p.RequestedBy = null;
            lines.Add($"pairing {p.Id}: {successorId} now assists {p.Executive} ({PermissionNames.Describe(p.Permissions)}), was {userId}");
        }
        foreach (string executive in remove.Concat(moved).Where(p => p.Assistant == userId && p.State == PairingState.Active)
                     .Select(p => p.Executive).Distinct().Where(e => e != userId))
        {
            if (!Delegation.Covered(office, executive))
            {
                warnings.Add(successorId == null
                    ? $"{executive} is left uncovered: no assistant answers their calls (name a successor to hand pairings over)"
                    : $"{executive} is left uncovered: no assistant answers their calls");
            }
        }
        string summary = $"{userId} deactivated"
            + (successorId == null ? "" : $"; {moved.Count} pairing{PairingRules.Plural(moved.Count)} handed to {successorId}")
            + (remove.Count == 0 ? "" : $"; {remove.Count} pairing{PairingRules.Plural(remove.Count)} removed");
        return Outcome.Done(string.Join("\n", new[] { summary }.Concat(lines)), null, warnings);
    }
}
