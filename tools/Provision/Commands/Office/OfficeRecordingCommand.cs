// office recording off|on|forced: the office's recording policy, written into every device file.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>Sets the recording policy; registered once per mode ("office recording on"...).</summary>
public sealed class OfficeRecordingCommand : OfficeCommand
{
    private readonly RecordingMode _mode;

    public OfficeRecordingCommand(RecordingMode mode)
    {
        _mode = mode;
    }

    public override string Name => "office recording " + RecordingPolicy.ModeNames[(int)_mode];
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "download", "notice", "as", "office" };
    public override string Usage => Name + " [--download yes|no] [--notice yes|no] [--office office.json]";

    public override string Summary => _mode switch
    {
        RecordingMode.Off => "no call is recorded on the office's phones",
        RecordingMode.On => "a call is recorded when its user presses Record (--download: recordings may be fetched; --notice: the far end is told)",
        _ => "every call is recorded",
    };

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        bool? download = YesNo(options, "download");
        bool? notice = YesNo(options, "notice");
        Actor by = As(options);
        return office => Policies.SetRecording(office, _mode, download, notice, by);
    }

    /// <summary>--NAME yes|no, null when not given.</summary>
    public static bool? YesNo(Options options, string name)
    {
        string? text = options.Get(name);
        return text switch
        {
            null => null,
            "yes" => true,
            "no" => false,
            _ => throw new UsageException($"--{name} is yes or no, not '{text}'"),
        };
    }
}
