using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.MicroBenchmarks;

/// <summary>Parsing and validating one rating payload, as the ingest does for every publish.</summary>
[MemoryDiagnoser]
public class PayloadParseBenchmarks
{
    private readonly ReadOnlySequence<byte> _typical = Sequence("""{"v":1,"boot":7,"seq":123456,"ts":1795000000000,"scale":5,"score":4,"criteria":{"listen":5,"thank":4}}""");
    private readonly ReadOnlySequence<byte> _minimal = Sequence("""{"v":1,"boot":7,"seq":1,"ts":0,"scale":3,"score":3}""");
    private readonly ReadOnlySequence<byte> _invalid = Sequence("""{"v":1,"boot":7,"seq":1,"ts":0,"scale":5,"score":9}""");
    private readonly long _now = 1_795_000_000_000;
    private readonly string _topic = "onestop/v1/t/HCM-Q1-007/rating";

    [Benchmark(Baseline = true)]
    public bool Typical() => RatingPayloadParser.Parse(_typical, _now).IsValid;

    [Benchmark]
    public bool Minimal() => RatingPayloadParser.Parse(_minimal, _now).IsValid;

    [Benchmark]
    public bool ScoreOffTheScale() => RatingPayloadParser.Parse(_invalid, _now).IsValid;

    [Benchmark]
    public bool Topic() => TerminalTopic.TryParse(_topic, out _);

    private static ReadOnlySequence<byte> Sequence(string json) => new(Encoding.UTF8.GetBytes(json));
}
