// What a storage file name may be: short relative paths, nothing that climbs out.
namespace DeskPhone.Hal.Simulated.Storage;

/// <summary>Validation of storage names shared by the simulated and on-disk stores.</summary>
public static class StorageNames
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxLength = 96;

    /// <summary>True for names like "history.bin" or "config/device.json".</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength) return false;
        if (name.StartsWith('/') || name.EndsWith('/') || name.Contains("//")) return false;
        foreach (var part in name.Split('/'))
        {
            if (part == "." || part == ".." || part.EndsWith(".tmp", StringComparison.Ordinal)) return false;
        }
        foreach (char c in name)
        {
            bool ok = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '_' or '/';
            if (!ok) return false;
        }
        return true;
    }
}
