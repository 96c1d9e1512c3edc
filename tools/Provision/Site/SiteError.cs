// One problem found while checking a site's files.
using DeskPhone.Firmware.Config;

namespace DeskPhone.Provision.Site;

/// <summary>A located problem: "file:line:column: field: message", as the phones' own loaders word them.</summary>
public sealed record SiteError(string File, int Line, int Column, string Path, string Message)
{
    public static SiteError From(ConfigError e) => new(e.FileName, e.Line, e.Column, e.Path, e.Message);

    public override string ToString() =>
        $"{File}:{Line}:{Column}: " + (Path.Length == 0 ? Message : Path + ": " + Message);
}
