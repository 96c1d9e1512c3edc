// Loading a device file at boot.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Config;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class ConfigBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln"))) dir = dir.Parent;
        _text = File.ReadAllText(Path.Combine(dir?.FullName ?? ".", "examples", "devices", "reception.json"));
    }

    /// <summary>Parse and validate the reception phone's device file.</summary>
    [Benchmark]
    public bool Load_the_reception_device_file() => DeviceConfigLoader.TryLoad("reception.json", _text, out _, out _);
}
