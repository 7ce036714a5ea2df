using BenchmarkDotNet.Attributes;
using OneStop.Feedback.Server.Attribution;

namespace OneStop.Feedback.MicroBenchmarks;

/// <summary>The text columns of the daily and monthly aggregates, parsed for every row a monthly report reads.</summary>
[MemoryDiagnoser]
public class AggregateTextBenchmarks
{
    private readonly string _levels = "5:1=3;5:2=7;5:3=21;5:4=160;5:5=330";
    private readonly string _criteria = "listen:5=160/601;explain:5=40/150;trust:5=12/44;apologize:5=3/9;thank:5=90/355";

    [Benchmark]
    public int ParseLevels() => AggregateText.ParseLevels(_levels).Count;

    [Benchmark]
    public int ParseCriteria() => AggregateText.ParseCriteria(_criteria).Count;

    [Benchmark]
    public int FormatBoth() => AggregateText.Levels(AggregateText.ParseLevels(_levels)).Length + AggregateText.Criteria(AggregateText.ParseCriteria(_criteria)).Length;
}
