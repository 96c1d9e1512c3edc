// Who asks for a change: an administrator (the tool) or one of the office's users (their phone).
namespace DeskPhone.Office.Rules;

/// <summary>The one making a change: <see cref="Admin"/> or a user by id.</summary>
public sealed record Actor(string? UserId)
{
    /// <summary>An administrator: pairings they make are active at once.</summary>
    public static readonly Actor Admin = new((string?)null);

    /// <summary>A user of the office, by id.</summary>
    public static Actor User(string id) => new(id);

    public bool IsAdmin => UserId == null;

    /// <summary>"--as admin" or "--as bob".</summary>
    public static Actor Parse(string text) => text == "admin" ? Admin : User(text);

    public override string ToString() => UserId ?? "admin";
}
