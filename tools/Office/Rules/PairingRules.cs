// The rules every pairing obeys, whoever makes it: no self-pairing, duplicates or reciprocal pairs; limits.
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Rules;

/// <summary>
/// Checks one would-be pairing against the office. Used when a pairing is made, when an assistant's
/// pairings are handed to a successor, and when office.json is read (a hand-edited file obeys the
/// same rules). Each refusal is one sentence naming the users and the pairing in the way.
/// </summary>
public static class PairingRules
{
    /// <summary>
    /// Why <paramref name="executive"/> cannot have <paramref name="assistant"/>, or null when they can.
    /// Only live (active or pending) pairings count; <paramref name="ignore"/> is left out (the pairing
    /// being checked itself, or one being handed over).
    /// </summary>
    public static string? Conflict(OfficeDirectory office, string executive, string assistant, Pairing? ignore = null)
    {
        if (executive == assistant) return $"{executive} cannot be their own assistant";
        var live = office.Pairings.Where(p => p.IsLive && !ReferenceEquals(p, ignore)).ToList();
        Pairing? same = live.FirstOrDefault(p => p.Executive == executive && p.Assistant == assistant);
        if (same != null)
        {
            return $"{assistant} is already {executive}'s assistant (pairing {same.Id}, {Pairing.StateName(same.State)})";
        }
        Pairing? reverse = live.FirstOrDefault(p => p.Executive == assistant && p.Assistant == executive);
        if (reverse != null)
        {
            return $"{assistant} is already {executive}'s executive (pairing {reverse.Id}, {Pairing.StateName(reverse.State)}); "
                + $"{executive} cannot also be {assistant}'s executive";
        }
        Limits limits = office.Limits;
        int assistants = live.Count(p => p.Executive == executive);
        if (assistants >= limits.AssistantsPerExecutive)
        {
            return $"{executive} already has {assistants} assistant{Plural(assistants)} (limit: {limits.AssistantsPerExecutive} per executive)";
        }
        int executives = live.Count(p => p.Assistant == assistant);
        if (executives >= limits.ExecutivesPerAssistant)
        {
            return $"{assistant} already assists {executives} executive{Plural(executives)} (limit: {limits.ExecutivesPerAssistant} per assistant)";
        }
        if (live.Count >= limits.PairingsPerOffice)
        {
            return $"the office already has {live.Count} pairing{Plural(live.Count)} (limit: {limits.PairingsPerOffice} per office)";
        }
        return null;
    }

    /// <summary>The user with that id, or why not: unknown (with a spelling hint) or deactivated.</summary>
    public static string? CheckUser(OfficeDirectory office, string id, out User? user)
    {
        user = office.FindUser(id);
        if (user == null)
        {
            return $"no user '{id}' in the office{Spelling.Hint(id, office.Users.Select(u => u.Id))}";
        }
        return user.Active ? null : $"{id} is deactivated";
    }

    /// <summary>The pairing with that id, or why not.</summary>
    public static string? CheckPairing(OfficeDirectory office, string id, out Pairing? pairing)
    {
        pairing = office.FindPairing(id);
        if (pairing != null) return null;
        string known = office.Pairings.Count == 0 ? "there are none" : "pairings: " + string.Join(", ", office.Pairings.Select(p => p.Id));
        return $"no pairing '{id}' ({known})";
    }

    internal static string Plural(int n) => n == 1 ? "" : "s";
}
