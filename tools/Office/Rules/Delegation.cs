// Making, answering, changing and ending pairings, each refused with a reason when the rules say no.
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// The pairing operations. An administrator's pairing is active at once; a user's is pending until
/// the other side (or an administrator) accepts it, and may be declined. Every operation either
/// changes the office and says what it did, or changes nothing and says why not.
/// </summary>
public static class Delegation
{
    /// <summary>
    /// Pairs <paramref name="assistantId"/> with <paramref name="executiveId"/>. By <see cref="Actor.Admin"/>:
    /// active. By a user: that user must be one of the two, and the pairing waits for the other.
    /// </summary>
    public static Outcome AddPairing(OfficeDirectory office, string executiveId, string assistantId, Actor by, Permissions permissions = PermissionNames.Default)
    {
        string? refusal = CheckActor(office, by)
            ?? PairingRules.CheckUser(office, executiveId, out _)
            ?? PairingRules.CheckUser(office, assistantId, out _);
        if (refusal != null) return Outcome.Refused(refusal);
        if (!by.IsAdmin && by.UserId != executiveId && by.UserId != assistantId && executiveId != assistantId)
        {
            return Outcome.Refused($"{by} is neither {executiveId} nor {assistantId}: only one of them or an admin can ask for this pairing");
        }
        refusal = PairingRules.Conflict(office, executiveId, assistantId);
        if (refusal != null) return Outcome.Refused(refusal);

        // Asking again after a "no" replaces the declined record.
        office.Pairings.RemoveAll(p => p.State == PairingState.Declined && p.Executive == executiveId && p.Assistant == assistantId);
        var pairing = new Pairing
        {
            Id = office.NextPairingId(),
            Executive = executiveId,
            Assistant = assistantId,
            Permissions = permissions,
            State = by.IsAdmin ? PairingState.Active : PairingState.Pending,
            CreatedBy = by.IsAdmin ? PairingOrigin.Admin : PairingOrigin.User,
            RequestedBy = by.UserId,
        };
        office.Pairings.Add(pairing);
        string what = $"pairing {pairing.Id}: {assistantId} assists {executiveId} ({PermissionNames.Describe(permissions)})";
        return by.IsAdmin
            ? Outcome.Done(what + ", active", pairing)
            : Outcome.Done(what + $", pending until {pairing.OtherSide(by.UserId!)} accepts", pairing);
    }

    /// <summary>The other side of a pending pairing (or an administrator) says yes: it becomes active.</summary>
    public static Outcome Accept(OfficeDirectory office, string pairingId, Actor by) => Answer(office, pairingId, by, accept: true);

    /// <summary>The other side of a pending pairing (or an administrator) says no: it is declined and does nothing.</summary>
    public static Outcome Decline(OfficeDirectory office, string pairingId, Actor by) => Answer(office, pairingId, by, accept: false);

    private static Outcome Answer(OfficeDirectory office, string pairingId, Actor by, bool accept)
    {
        string verb = accept ? "accept" : "decline";
        string? refusal = Find(office, pairingId, by, out Pairing pairing);
        if (refusal != null) return Outcome.Refused(refusal);
        if (pairing.State != PairingState.Pending)
        {
            return Outcome.Refused($"pairing {pairing.Id} is {Pairing.StateName(pairing.State)}, not pending");
        }
        if (!by.IsAdmin)
        {
            if (!pairing.Involves(by.UserId!))
            {
                return Outcome.Refused($"{by} is not part of pairing {pairing.Id} ({pairing.Assistant} assists {pairing.Executive})");
            }
            if (pairing.RequestedBy == by.UserId)
            {
                return Outcome.Refused($"{by} asked for pairing {pairing.Id}; only {pairing.OtherSide(by.UserId!)} or an admin can {verb} it");
            }
        }
        if (accept)
        {
            // A side may have been deactivated while the request waited.
            refusal = PairingRules.CheckUser(office, pairing.Executive, out _) ?? PairingRules.CheckUser(office, pairing.Assistant, out _);
            if (refusal != null) return Outcome.Refused(refusal);
            pairing.State = PairingState.Active;
            return Outcome.Done($"pairing {pairing.Id} accepted: {pairing.Assistant} assists {pairing.Executive} ({PermissionNames.Describe(pairing.Permissions)}), active", pairing);
        }
        pairing.State = PairingState.Declined;
        return Outcome.Done($"pairing {pairing.Id} declined: {pairing.Assistant} does not assist {pairing.Executive}", pairing);
    }

    /// <summary>Sets a pairing's permissions: by an administrator or the executive (an assistant cannot grant themselves more).</summary>
    public static Outcome SetPermissions(OfficeDirectory office, string pairingId, Permissions permissions, Actor by)
    {
        string? refusal = Find(office, pairingId, by, out Pairing pairing);
        if (refusal != null) return Outcome.Refused(refusal);
        if (!by.IsAdmin && by.UserId != pairing.Executive)
        {
            return Outcome.Refused($"only {pairing.Executive} (the executive) or an admin can change pairing {pairing.Id}'s permissions");
        }
        if (pairing.State == PairingState.Declined)
        {
            return Outcome.Refused($"pairing {pairing.Id} is declined; ask again with 'office pair'");
        }
        Permissions before = pairing.Permissions;
        pairing.Permissions = permissions;
        return Outcome.Done($"pairing {pairing.Id}: {pairing.Assistant} may now {PermissionNames.Describe(permissions)} for {pairing.Executive} (was {PermissionNames.Describe(before)})", pairing);
    }

    /// <summary>Ends a pairing (any state): by an administrator or either side.</summary>
    public static Outcome RemovePairing(OfficeDirectory office, string pairingId, Actor by)
    {
        string? refusal = Find(office, pairingId, by, out Pairing pairing);
        if (refusal != null) return Outcome.Refused(refusal);
        if (!by.IsAdmin && !pairing.Involves(by.UserId!))
        {
            return Outcome.Refused($"only {pairing.Executive}, {pairing.Assistant} or an admin can remove pairing {pairing.Id}");
        }
        office.Pairings.Remove(pairing);
        var warnings = new List<string>();
        if (pairing.State == PairingState.Active && !Covered(office, pairing.Executive))
        {
            warnings.Add($"{pairing.Executive} has no assistant answering their calls now");
        }
        return Outcome.Done($"pairing {pairing.Id} removed: {pairing.Assistant} no longer assists {pairing.Executive}", pairing, warnings);
    }

    /// <summary>
    /// Changes the limits (null leaves one as it is). A limit may not go below what the office already
    /// has, and must be at least 1.
    /// </summary>
    public static Outcome SetLimits(OfficeDirectory office, int? assistantsPerExecutive, int? executivesPerAssistant, int? pairingsPerOffice)
    {
        var live = office.Pairings.Where(p => p.IsLive).ToList();
        string? refusal = CheckLimit(assistantsPerExecutive, "assistants per executive",
                live.GroupBy(p => p.Executive).Select(g => (g.Key, g.Count())).DefaultIfEmpty(("", 0)).MaxBy(x => x.Item2), "assistants")
            ?? CheckLimit(executivesPerAssistant, "executives per assistant",
                live.GroupBy(p => p.Assistant).Select(g => (g.Key, g.Count())).DefaultIfEmpty(("", 0)).MaxBy(x => x.Item2), "executives")
            ?? CheckLimit(pairingsPerOffice, "pairings per office", ("the office", live.Count), "pairings");
        if (refusal != null) return Outcome.Refused(refusal);
        Limits limits = office.Limits;
        if (assistantsPerExecutive != null) limits.AssistantsPerExecutive = assistantsPerExecutive.Value;
        if (executivesPerAssistant != null) limits.ExecutivesPerAssistant = executivesPerAssistant.Value;
        if (pairingsPerOffice != null) limits.PairingsPerOffice = pairingsPerOffice.Value;
        return Outcome.Done($"limits: {limits.AssistantsPerExecutive} assistants per executive, {limits.ExecutivesPerAssistant} executives per assistant, {limits.PairingsPerOffice} pairings per office");
    }

    private static string? CheckLimit(int? wanted, string what, (string Who, int Count) busiest, string noun)
    {
        if (wanted == null) return null;
        if (wanted < 1) return $"the limit of {what} must be at least 1";
        if (wanted < busiest.Count)
        {
            return $"{busiest.Who} already has {busiest.Count} {noun}; the limit of {what} cannot go below that";
        }
        return null;
    }

    /// <summary>True when an active pairing has an assistant answering <paramref name="executive"/>'s calls.</summary>
    public static bool Covered(OfficeDirectory office, string executive) =>
        office.Pairings.Any(p => p.State == PairingState.Active && p.Executive == executive && p.Permissions.HasFlag(Permissions.Answer));

    private static string? Find(OfficeDirectory office, string pairingId, Actor by, out Pairing pairing)
    {
        pairing = null!;
        string? refusal = CheckActor(office, by);
        if (refusal != null) return refusal;
        refusal = PairingRules.CheckPairing(office, pairingId, out Pairing? found);
        pairing = found!;
        return refusal;
    }

    /// <summary>Null for an administrator or an active user of the office; otherwise why they cannot act.</summary>
    internal static string? CheckActor(OfficeDirectory office, Actor by) =>
        by.IsAdmin ? null : PairingRules.CheckUser(office, by.UserId!, out _);
}
