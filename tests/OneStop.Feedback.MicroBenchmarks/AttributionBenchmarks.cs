using BenchmarkDotNet.Attributes;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.MicroBenchmarks;

/// <summary>
/// Attribution of one busy counter-day (what the attribution worker recomputes after each ingest batch marks it):
/// ratings, a service event for every second one, a morning and an afternoon shift.
/// </summary>
[MemoryDiagnoser]
public class AttributionBenchmarks
{
    private CounterAttributionInput _input = null!;
    private readonly AttributionOptions _options = new();

    [Params(50, 700)]
    public int RatingsPerDay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var day = new DateOnly(2026, 10, 15);
        var open = VietnamTime.StartOf(day).AddHours(7.5);
        var step = TimeSpan.FromHours(9.5) / RatingsPerDay;
        var ratings = new List<Rating>();
        var events = new List<ServiceEvent>();
        for (var i = 0; i < RatingsPerDay; i++)
        {
            var at = open + step * i;
            if (i % 2 == 0)
            {
                events.Add(new ServiceEvent(i, $"HS-{i:0000}", null, ServiceEventKind.Received, "Q1", null, at - TimeSpan.FromSeconds(30), at + TimeSpan.FromDays(3)));
            }
            ratings.Add(new Rating("T1", 1, i + 1, at + TimeSpan.FromSeconds(random.Next(0, 20)), at + TimeSpan.FromSeconds(25), 5, 1 + random.Next(5)));
        }
        var shifts = new List<Shift>
        {
            new(1, "CB1", "Q1", open, open.AddHours(4.75)),
            new(2, "CB2", "Q1", open.AddHours(4.75), open.AddHours(9.5)),
        };
        _input = CounterAttributionInput.ForDay("Q1", day, ratings, events, shifts, requireServiceEvent: true, new HashSet<RatingKey>(), open.AddDays(3));
    }

    [Benchmark]
    public int CounterDay() => CounterAttributor.Attribute(_input, _options).Count;
}
