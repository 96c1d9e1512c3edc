// The office's front-desk policies: the call outcome list, the recording policy and the phones' roles.
namespace DeskPhone.Office.Model;

/// <summary>
/// One call outcome the office offers ("Reached", "Left voicemail"). The id stays when the label is
/// renamed; a disabled outcome is written to the phones with "enabled": false, so it is no longer offered
/// while calls that already carry it keep it (a phone's history stores the label).
/// </summary>
public sealed class OutcomeChoice
{
    /// <summary>Most outcomes an office may have (the firmware's limit).</summary>
    public const int Max = 20;

    /// <summary>Longest label (a line of the phone's outcome screen).</summary>
    public const int MaxLabel = 24;

    public required string Id { get; init; }
    public required string Label { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>Whether calls are recorded: never, when the user presses Record, or always.</summary>
public enum RecordingMode { Off, On, Forced }

/// <summary>The office's recording policy, written into every device file as "recording".</summary>
public sealed class RecordingPolicy
{
    public static readonly string[] ModeNames = { "off", "on", "forced" };

    public RecordingMode Mode { get; set; } = RecordingMode.On;

    /// <summary>Recordings may be fetched from the phone.</summary>
    public bool Download { get; set; }

    /// <summary>The far end is told the call is recorded.</summary>
    public bool Notice { get; set; } = true;

    public string ModeName => ModeNames[(int)Mode];
}

/// <summary>
/// The office-wide roles: the admin PIN guarding the phones' settings (a phone may have its own), the
/// emergency numbers every phone may always call and the internal number patterns ("2XX") a restricted
/// phone may call. The PIN is kept here as the administrator typed it, like the SIP passwords; each
/// device file gets only its SHA-256 with the device id.
/// </summary>
public sealed class RolePolicy
{
    public static readonly string[] DefaultEmergency = { "112", "911" };

    public const int MinPin = 4;
    public const int MaxPin = 12;

    public string? AdminPin { get; set; }
    public List<string> Emergency { get; set; } = DefaultEmergency.ToList();
    public List<string> Internal { get; set; } = new();

    /// <summary>A PIN is 4-12 digits.</summary>
    public static bool IsPin(string s) => s.Length >= MinPin && s.Length <= MaxPin && s.All(char.IsAsciiDigit);

    /// <summary>Digits, '*', '#', '+'; with <paramref name="pattern"/> also X (any digit).</summary>
    public static bool IsNumber(string s, bool pattern) =>
        s.Length > 0 && s.Length <= 32 && s.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+' || (pattern && c is 'X' or 'x'));
}
