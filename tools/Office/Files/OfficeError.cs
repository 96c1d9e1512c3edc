// One problem in office.json, located.
namespace DeskPhone.Office.Files;

/// <summary>"file:line:column: field: message", like the phones' own device-file errors.</summary>
public sealed record OfficeError(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: " + (Path.Length == 0 ? Message : Path + ": " + Message);
}

/// <summary>office.json could not be read; <see cref="Errors"/> says every reason.</summary>
public sealed class OfficeFileException(IReadOnlyList<OfficeError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<OfficeError> Errors { get; } = errors;
}
