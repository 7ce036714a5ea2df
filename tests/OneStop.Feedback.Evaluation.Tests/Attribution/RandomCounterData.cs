using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Organisation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

/// <summary>
/// A seeded, dense data set around Vietnamese midnights: many presses within seconds (too-soon), within minutes of
/// events (duplicates), unsynced clocks, open and overlapping shifts, and a terminal that moves counters.
/// </summary>
internal sealed record RandomCounterData(
    Rating[] Ratings, ServiceEvent[] Events, Shift[] Shifts, TerminalAssignments Assignments, DateTimeOffset Now)
{
    public static readonly string[] Counters = ["C1", "C2"];

    public static RandomCounterData Create(int seed, int ratings = 400)
    {
        var random = new Random(seed);
        var start = Vn("2026-03-01 23:00:00");
        DateTimeOffset Around() =>
            // Half the data within ±40 min of the two midnights, the rest over the days.
            random.Next(2) == 0
                ? Vn("2026-03-02 00:00:00").AddDays(random.Next(2)).AddSeconds(random.Next(-2400, 2400))
                : start.AddSeconds(random.Next(0, 2 * 86400));
        var list = new List<Rating>();
        var seqs = new Dictionary<string, long>();
        for (var i = 0; i < ratings; i++)
        {
            var terminal = "T" + random.Next(1, 4);
            seqs[terminal] = seqs.GetValueOrDefault(terminal) + 1;
            var at = Around();
            var synced = random.Next(10) != 0;
            var scale = 3 + random.Next(3);
            list.Add(new Rating(terminal, 1, seqs[terminal], synced ? at : null, at.AddSeconds(random.Next(0, 3)), scale, 1 + random.Next(scale)));
            if (random.Next(4) == 0)
            {
                // A second press within seconds: too-soon material.
                seqs[terminal]++;
                list.Add(new Rating(terminal, 1, seqs[terminal], at.AddSeconds(random.Next(0, 8)), at.AddSeconds(10), scale, 1 + random.Next(scale)));
            }
        }
        var events = new List<ServiceEvent>();
        for (var id = 1; id <= ratings / 2; id++)
        {
            var counter = Counters[random.Next(2)];
            var kind = random.Next(2) == 0 ? ServiceEventKind.Received : ServiceEventKind.Returned;
            var officer = random.Next(3) == 0 ? "O" + random.Next(1, 6) : null;
            var at = Around();
            events.Add(new ServiceEvent(id, "D" + id, "P", kind, counter, officer, at, kind == ServiceEventKind.Received ? at.AddDays(3) : null));
        }
        var shifts = new List<Shift>();
        for (var id = 1; id <= 30; id++)
        {
            var begin = start.AddSeconds(random.Next(0, 2 * 86400));
            var end = random.Next(5) == 0 ? (DateTimeOffset?)null : begin.AddMinutes(random.Next(10, 300));
            shifts.Add(new Shift(id, "O" + random.Next(1, 6), Counters[random.Next(2)], begin, end));
        }
        var assignments = new TerminalAssignments(
        [
            new TerminalAssignment("T1", "C1", start),
            new TerminalAssignment("T2", "C1", start.AddHours(5)),
            new TerminalAssignment("T3", "C2", start),
            new TerminalAssignment("T2", "C2", Vn("2026-03-02 12:00:00")),
        ]);
        return new RandomCounterData([.. list], [.. events], [.. shifts], assignments, Vn("2026-03-04 00:00:00"));
    }
}
