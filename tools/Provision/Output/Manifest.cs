// manifest.json: what a device's folder holds, with a SHA-256 per file.
using System.Security.Cryptography;
using System.Text.Json;

namespace DeskPhone.Provision.Output;

/// <summary>One file of a device folder.</summary>
public sealed record ManifestFile(string Name, long Bytes, string Sha256);

/// <summary>
/// The manifest of OUT/&lt;device-id&gt;: device id, board, backend and a checksum per file, so push and
/// bundle refuse files that changed (or were cut short) after build. No timestamps: the same inputs
/// give the same bytes.
/// </summary>
public sealed record Manifest(string DeviceId, string Board, string Backend, IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static ManifestFile Describe(string name, byte[] bytes) => new(name, bytes.LongLength, Sha256Of(bytes));

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a manifest; throws <see cref="ProvisionException"/> naming the file when it is not one.</summary>
    public static Manifest Read(string path)
    {
        try
        {
            Manifest? manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(path), Json);
            if (manifest == null || manifest.Files == null || string.IsNullOrEmpty(manifest.DeviceId))
            {
                throw new ProvisionException($"{path} is not a deskphone-provision manifest");
            }
            return manifest;
        }
        catch (JsonException e)
        {
            throw new ProvisionException($"{path} is not a deskphone-provision manifest ({e.Message})");
        }
    }
}
