// One executive/assistant pairing and its state.
namespace DeskPhone.Office.Model;

/// <summary>Where a pairing stands. Only active pairings do anything.</summary>
public enum PairingState
{
    Active,
    /// <summary>Asked for by a user, waiting for the other side.</summary>
    Pending,
    /// <summary>The other side said no; kept so both can see it, until removed or asked again.</summary>
    Declined,
}

/// <summary>Who made a pairing: an administrator (active at once) or one of the two users (pending).</summary>
public enum PairingOrigin
{
    Admin,
    User,
}

/// <summary>
/// <see cref="Assistant"/> handles calls for <see cref="Executive"/> (both user ids) with
/// <see cref="Permissions"/>. <see cref="RequestedBy"/> is the user who asked, for pairings users make.
/// </summary>
public sealed class Pairing
{
    public required string Id { get; init; }
    public required string Executive { get; set; }
    public required string Assistant { get; set; }
    public Permissions Permissions { get; set; } = PermissionNames.Default;
    public PairingState State { get; set; } = PairingState.Active;
    public PairingOrigin CreatedBy { get; set; } = PairingOrigin.Admin;
    public string? RequestedBy { get; set; }

    /// <summary>Active or pending: the pairing counts against the limits and blocks duplicates.</summary>
    public bool IsLive => State != PairingState.Declined;

    /// <summary>True when <paramref name="userId"/> is one of the two sides.</summary>
    public bool Involves(string userId) => Executive == userId || Assistant == userId;

    /// <summary>The side that is not <paramref name="userId"/>.</summary>
    public string OtherSide(string userId) => Executive == userId ? Assistant : Executive;

    public static string StateName(PairingState state) => state switch
    {
        PairingState.Active => "active",
        PairingState.Pending => "pending",
        _ => "declined",
    };

    public static string OriginName(PairingOrigin origin) => origin == PairingOrigin.Admin ? "admin" : "user";

    /// <summary>"p1: ann ← bob (place, answer, pickup) active".</summary>
    public override string ToString() =>
        $"{Id}: {Assistant} assists {Executive} ({PermissionNames.Describe(Permissions)}) {StateName(State)}";
}
