// A person of the office: who they are, their number and SIP password.
namespace DeskPhone.Office.Model;

/// <summary>
/// A user: <see cref="Id"/> is what commands and pairings name ("ann"); <see cref="Extension"/> is
/// their number and SIP user ("203"). A deactivated user keeps their record (history) but gets no
/// phone file, no SIP account and no pairings.
/// </summary>
public sealed class User
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Extension { get; set; }
    public required string Password { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Their phones answer calls but dial only emergency and internal numbers, and keep their settings locked.</summary>
    public bool Restricted { get; set; }

    /// <summary>
    /// Callers whose calls to this user (as an executive) ring the assistants with the VIP ring and
    /// badge: SIP URIs or dial strings, as the phones match them.
    /// </summary>
    public List<string> VipCallers { get; init; } = new();

    /// <summary>The first word of the name ("Ann" for "Ann Lee"), for key labels.</summary>
    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Name;

    /// <summary>"ann (Ann Lee, 203)".</summary>
    public override string ToString() => $"{Id} ({Name}, {Extension})";
}
