// Drawing and flushing the idle screen: what the once-a-second clock tick costs.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal.Simulated.Display;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class ScreenBenchmarks
{
    private Screen _screen = null!;
    private IdleModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _screen = new Screen(new SimDisplay());
        _model = new IdleModel
        {
            Name = "Reception", Extension = "201", Registration = "Registered", Time = "09:05",
            KeyLabels = new[] { "Line 1", "Line 2", "Line 3", "Bob Stone", "Ann Lee", "Park 1", "DND" },
            Page = 1, Pages = 1,
        };
        IdleView.Draw(_screen, _model);
    }

    /// <summary>Redraw an unchanged idle screen: nothing reaches the panel.</summary>
    [Benchmark]
    public int Redraw_unchanged_idle_screen()
    {
        IdleView.Draw(_screen, _model);
        return _screen.PagesWritten;
    }
}
