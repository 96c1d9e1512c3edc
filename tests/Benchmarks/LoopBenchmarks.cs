// The event loop's cost per work item and per timer.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class LoopBenchmarks
{
    private EventLoop _loop = null!;
    private VirtualTimeDriver _driver = null!;
    private WorkItem _item = null!;
    private int _ran;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new VirtualClock();
        _driver = new VirtualTimeDriver(clock);
        _loop = new EventLoop(clock, new SimLog(clock));
        _driver.AddPump(_loop.RunPending);
        _item = () => _ran++;
    }

    /// <summary>Post and run 1000 work items: the steady-state cost of HAL callbacks.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int Post_and_run_a_work_item()
    {
        for (int i = 0; i < 1000; i++) _loop.Post(_item);
        _loop.RunPending();
        return _ran;
    }

    /// <summary>Start a one-shot timer and let it fire in virtual time.</summary>
    [Benchmark]
    public int Start_and_fire_a_timer()
    {
        _loop.StartTimer(10, _item);
        _driver.Advance(10);
        return _ran;
    }
}
