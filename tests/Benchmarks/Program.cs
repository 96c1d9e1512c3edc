// Runs the benchmarks: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- callcpu [--seconds 60] [--codec g722|g711]
if (args.Length > 0 && args[0] == "callcpu") return DeskPhone.Benchmarks.CallCpu.Run(args);
if (args.Length > 0 && args[0] == "latency") return DeskPhone.Benchmarks.PhoneLatency.Run(args); // [--n 20000]
BenchmarkSwitcher.FromAssembly(typeof(DeskPhone.Benchmarks.LoopBenchmarks).Assembly).Run(args);
return 0;
