// What an assistant may do on an executive's line.
namespace DeskPhone.Office.Model;

/// <summary>The permissions of one pairing; a set of flags.</summary>
[Flags]
public enum Permissions
{
    None = 0,
    /// <summary>Place calls with the executive's identity ("place").</summary>
    PlaceCalls = 1,
    /// <summary>The executive's calls ring the assistant too ("answer").</summary>
    Answer = 2,
    /// <summary>Pick up the executive's (public) held calls ("pickup").</summary>
    PickUpHeld = 4,
    /// <summary>Listen to the executive's voicemail ("voicemail").</summary>
    Voicemail = 8,
    /// <summary>Start and hear recordings of the executive's calls ("recording").</summary>
    Recording = 16,
}

/// <summary>Names of <see cref="Permissions"/> as office.json, device files and the command line write them.</summary>
public static class PermissionNames
{
    /// <summary>Every permission with its name, in the order they are written.</summary>
    public static readonly IReadOnlyList<(Permissions Flag, string Name)> All = new[]
    {
        (Permissions.PlaceCalls, "place"),
        (Permissions.Answer, "answer"),
        (Permissions.PickUpHeld, "pickup"),
        (Permissions.Voicemail, "voicemail"),
        (Permissions.Recording, "recording"),
    };

    /// <summary>What a pairing gets when nobody says: place, answer and pickup (voicemail and recording are options).</summary>
    public const Permissions Default = Permissions.PlaceCalls | Permissions.Answer | Permissions.PickUpHeld;

    /// <summary>"place", "answer"...</summary>
    public static string[] Names => All.Select(p => p.Name).ToArray();

    /// <summary>The names of the flags set, in order.</summary>
    public static string[] Of(Permissions permissions) =>
        All.Where(p => permissions.HasFlag(p.Flag)).Select(p => p.Name).ToArray();

    /// <summary>"place, answer, pickup" or "none".</summary>
    public static string Describe(Permissions permissions)
    {
        string[] names = Of(permissions);
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>The flag named <paramref name="name"/>.</summary>
    public static bool TryParse(string name, out Permissions flag)
    {
        foreach (var (f, n) in All)
        {
            if (n == name)
            {
                flag = f;
                return true;
            }
        }
        flag = Permissions.None;
        return false;
    }

    /// <summary>
    /// "place,answer" (or "none") as the command line writes it; false with a message naming the
    /// unknown word and the known ones.
    /// </summary>
    public static bool TryParseList(string text, out Permissions permissions, out string error)
    {
        permissions = Permissions.None;
        error = "";
        if (text.Trim() == "none") return true;
        foreach (string word in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryParse(word, out Permissions flag))
            {
                error = $"'{word}' is not a permission{Spelling.Hint(word, Names)}; use {string.Join(", ", Names)} (comma-separated) or none";
                return false;
            }
            permissions |= flag;
        }
        return true;
    }
}
