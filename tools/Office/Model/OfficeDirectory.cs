// The whole office: SIP settings, limits, users, phones and pairings (office.json).
namespace DeskPhone.Office.Model;

/// <summary>Where the office's phones register and which SIP domain they are in.</summary>
public sealed class SipSettings
{
    public required string Domain { get; set; }
    public required string Registrar { get; set; }
    public string? OutboundProxy { get; set; }
}

/// <summary>How many pairings the office allows (PHONE-BEHAVIOUR: 15 / 15 / 25 by default).</summary>
public sealed class Limits
{
    public const int DefaultAssistantsPerExecutive = 15;
    public const int DefaultExecutivesPerAssistant = 15;
    public const int DefaultPairingsPerOffice = 25;

    public int AssistantsPerExecutive { get; set; } = DefaultAssistantsPerExecutive;
    public int ExecutivesPerAssistant { get; set; } = DefaultExecutivesPerAssistant;
    public int PairingsPerOffice { get; set; } = DefaultPairingsPerOffice;
}

/// <summary>
/// The office directory an administrator keeps in office.json (format: tools/Office/README.md).
/// Change it through <see cref="Rules.Delegation"/> and <see cref="Rules.Deactivation"/>, which
/// refuse what the rules forbid; read and write it with <see cref="Files.OfficeFile"/>.
/// </summary>
public sealed class OfficeDirectory
{
    public string? Name { get; set; }
    public required SipSettings Sip { get; init; }
    public Limits Limits { get; init; } = new();
    public List<User> Users { get; init; } = new();
    public List<Phone> Phones { get; init; } = new();
    public List<Pairing> Pairings { get; init; } = new();

    /// <summary>The call outcomes the phones offer, in order (tools/Office/Rules/Policies.cs changes them).</summary>
    public List<OutcomeChoice> Outcomes { get; init; } = new();

    /// <summary>The recording policy, or null when office.json sets none (the phones' default).</summary>
    public RecordingPolicy? Recording { get; set; }

    /// <summary>The office-wide roles, or null when office.json sets none (no PIN, nothing restricted).</summary>
    public RolePolicy? Roles { get; set; }

    /// <summary>The CRM integration (control API, webhooks, contact lookup); empty when office.json has no "crm".</summary>
    public CrmSettings Crm { get; init; } = new();

    public OutcomeChoice? FindOutcome(string id) => Outcomes.FirstOrDefault(o => o.Id == id);

    public Phone? FindPhone(string id) => Phones.FirstOrDefault(p => p.Id == id);

    public User? FindUser(string id) => Users.FirstOrDefault(u => u.Id == id);

    public Pairing? FindPairing(string id) => Pairings.FirstOrDefault(p => p.Id == id);

    /// <summary>"sip:203@office.example".</summary>
    public string Aor(User user) => $"sip:{user.Extension}@{Sip.Domain}";

    /// <summary>The live (active or pending) pairings where <paramref name="executive"/> is the executive.</summary>
    public IEnumerable<Pairing> LiveAsExecutive(string executive) => Pairings.Where(p => p.IsLive && p.Executive == executive);

    /// <summary>The live pairings where <paramref name="assistant"/> is the assistant.</summary>
    public IEnumerable<Pairing> LiveAsAssistant(string assistant) => Pairings.Where(p => p.IsLive && p.Assistant == assistant);

    /// <summary>"p1", "p2"...: one more than the highest "pN" in use.</summary>
    public string NextPairingId()
    {
        int max = 0;
        foreach (Pairing p in Pairings)
        {
            if (p.Id.Length > 1 && p.Id[0] == 'p' && int.TryParse(p.Id.AsSpan(1), out int n) && n > max) max = n;
        }
        return "p" + (max + 1);
    }
}
