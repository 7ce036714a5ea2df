using BenchmarkDotNet.Running;
using OneStop.Feedback.MicroBenchmarks;

// Micro-benchmarks of the server's hot paths (BenchmarkDotNet). Not run by CI: they take minutes and need a quiet machine.
//   dotnet run -c Release --project tests/OneStop.Feedback.MicroBenchmarks -- --filter '*'
//   dotnet run -c Release --project tests/OneStop.Feedback.MicroBenchmarks -- --filter '*Payload*' --job short
BenchmarkSwitcher.FromAssembly(typeof(PayloadParseBenchmarks).Assembly).Run(args);
