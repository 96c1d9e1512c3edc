// An IKeyListener that writes down what it heard and when.
using DeskPhone.Firmware.Input;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Input;

/// <summary>Records key events as "t=1008 long hook" lines, in order.</summary>
public sealed class RecordingKeyListener : IKeyListener
{
    private readonly IClock _clock;

    public RecordingKeyListener(IClock clock) { _clock = clock; }

    public List<string> Events { get; } = new();

    public void KeyPressed(int keyCode) => Add("press " + KeyCodes.Name(keyCode));
    public void KeyLongPressed(int keyCode) => Add("long " + KeyCodes.Name(keyCode));
    public void KeyRepeated(int keyCode) => Add("repeat " + KeyCodes.Name(keyCode));
    public void KeyReleased(int keyCode, bool afterLongPress) =>
        Add("release " + KeyCodes.Name(keyCode) + (afterLongPress ? " after-long" : ""));

    /// <summary>The events whose text starts with <paramref name="kind"/> ("repeat").</summary>
    public IEnumerable<string> Of(string kind) => Events.Where(e => e.Split(' ')[1] == kind);

    private void Add(string what) => Events.Add("t=" + _clock.NowMs + " " + what);
}
