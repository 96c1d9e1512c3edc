// Runs the benchmarks: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(DeskPhone.Benchmarks.LoopBenchmarks).Assembly).Run(args);
