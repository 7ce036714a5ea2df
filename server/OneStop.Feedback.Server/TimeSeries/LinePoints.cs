using System.Globalization;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// The two measurements as line protocol, built with InfluxDB.Client's <see cref="PointData"/> (which sorts tags and
/// fields, so the same data always gives the same bytes). Every tag is written on every point, and every field that
/// a later rewrite could change is written on every point too: InfluxDB merges the fields of a point written twice,
/// so a field left out would keep its old value.
/// </summary>
public static class LinePoints
{
    public const string RatingMeasurement = "rating";
    public const string DailyMeasurement = "rating_daily";

    /// <summary>Tag value for an unknown officer or unit (a tag cannot be empty).</summary>
    public const string None = "none";

    /// <summary>The scales the protocol allows; the daily point has one field per level of each.</summary>
    public static readonly int[] Scales = [3, 4, 5];

    /// <summary>
    /// One rating. <paramref name="current"/> = false gives its tombstone: the same point with <c>current=0</c>, written
    /// over the old series when a re-attribution moves the rating to another officer, counter or unit.
    /// </summary>
    public static string Rating(RatingRow r, long timestampMs, bool current)
    {
        var point = PointData.Builder.Measurement(RatingMeasurement)
            .Tag("unit_id", r.UnitId ?? None)
            .Tag("counter_id", r.CounterId)
            .Tag("terminal_id", r.TerminalId)
            .Tag("officer_id", r.OfficerId ?? None)
            .Tag("stars", string.Create(CultureInfo.InvariantCulture, $"{r.Score}/{r.Scale}"))
            .Field("score", (long)r.Score)
            .Field("scale", (long)r.Scale)
            .Field("satisfied", r.Score >= r.Scale - 1 ? 1L : 0L)
            .Field("seq", r.Seq)
            .Field("boot", r.Boot)
            .Field("dossier", r.Dossier ?? "")
            .Field("flags", (long)r.Flags)
            .Field("current", current ? 1L : 0L);
        for (var i = 0; i < CriterionAnswers.Ids.Count; i++)
        {
            // A rating's answers never change, so leaving out the ones not asked is safe.
            if (r.Criteria[i] is int answer)
            {
                point = point.Field(CriterionAnswers.Ids[i], (long)answer);
            }
        }
        return point.Timestamp(timestampMs, WritePrecision.Ms).ToPointData().ToLineProtocol();
    }

    /// <summary>
    /// One (day, counter, officer) daily aggregate at the day's start (Vietnam midnight). <paramref name="zero"/> gives
    /// its tombstone: the same series and time with every count 0, so sums over days stay right when the row disappears.
    /// </summary>
    public static string Daily(DailyAggregate g, string? unitId, bool zero = false)
    {
        long V(int value) => zero ? 0 : value;
        var point = PointData.Builder.Measurement(DailyMeasurement)
            .Tag("unit_id", unitId ?? None)
            .Tag("counter_id", g.CounterId)
            .Tag("officer_id", g.OfficerId ?? None);
        foreach (var (name, value) in Counts(g))
        {
            point = point.Field(name, V(value));
        }
        foreach (var scale in Scales)
        {
            for (var score = 1; score <= scale; score++)
            {
                var count = g.Levels.Where(l => l.Scale == scale && l.Score == score).Sum(l => l.Count);
                point = point.Field(LevelField(scale, score), V(count));
            }
            foreach (var criterion in CriterionAnswers.Ids)
            {
                var tallies = g.Criteria.Where(t => t.Scale == scale && t.Criterion == criterion).ToList();
                point = point.Field(AnswersField(criterion, scale), V(tallies.Sum(t => t.Answers)))
                    .Field(StepsField(criterion, scale), zero ? 0 : tallies.Sum(t => t.StepSum));
            }
        }
        return point.Timestamp(VietnamTime.StartOf(g.Day).ToUnixTimeMilliseconds(), WritePrecision.Ms).ToPointData().ToLineProtocol();
    }

    /// <summary>Rebuilds an aggregate from field values by name (e.g. the sums of a month); missing fields count 0.</summary>
    public static DailyAggregate ReadDaily(DateOnly day, string counterId, string? officerId, Func<string, long> field)
    {
        int I(string name) => checked((int)field(name));
        var levels = new List<LevelCount>();
        var criteria = new List<CriterionTally>();
        foreach (var scale in Scales)
        {
            for (var score = 1; score <= scale; score++)
            {
                if (I(LevelField(scale, score)) is var count and > 0)
                {
                    levels.Add(new LevelCount(scale, score, count));
                }
            }
        }
        foreach (var criterion in CriterionAnswers.Ids)
        {
            foreach (var scale in Scales)
            {
                if (I(AnswersField(criterion, scale)) is var answers and > 0)
                {
                    criteria.Add(new CriterionTally(criterion, scale, answers, field(StepsField(criterion, scale))));
                }
            }
        }
        return new DailyAggregate(day, counterId, officerId, I("ratings"), I("flagged"),
            new FlagCounts(I("too_soon"), I("duplicate_for_dossier"), I("no_service"), I("voided"), I("clock_unsynced")),
            I("satisfied"), I("linked"), I("services"), levels, criteria);
    }

    /// <summary>Every field of a <c>rating_daily</c> point, in a fixed order.</summary>
    public static IReadOnlyList<string> DailyFields { get; } =
    [
        .. Counts(new DailyAggregate(default, "", null, 0, 0, FlagCounts.Zero, 0, 0, 0, [], [])).Select(c => c.Name),
        .. Scales.SelectMany(scale => Enumerable.Range(1, scale).Select(score => LevelField(scale, score))
            .Concat(CriterionAnswers.Ids.SelectMany(criterion => new[] { AnswersField(criterion, scale), StepsField(criterion, scale) }))),
    ];

    /// <summary>True when an aggregate counts nothing at all (a tombstone, or the sum of tombstones).</summary>
    public static bool IsEmpty(DailyAggregate g) =>
        g.Ratings == 0 && g.Flagged == 0 && g.Services == 0 && g.Linked == 0 && g.Satisfied == 0 && g.Levels.Count == 0 && g.Criteria.Count == 0
        && g.Flags == FlagCounts.Zero;

    /// <summary>
    /// What identifies a point in InfluxDB: measurement, tag set and timestamp (the line without its fields). Two lines
    /// with the same identity overwrite each other; a different identity is a second point.
    /// </summary>
    public static string Identity(string line)
    {
        var end = 0;
        while (end < line.Length && line[end] != ' ')
        {
            end += line[end] == '\\' ? 2 : 1;
        }
        return string.Concat(line.AsSpan(0, Math.Min(end, line.Length)), line.AsSpan(line.LastIndexOf(' ')));
    }

    private static IEnumerable<(string Name, int Value)> Counts(DailyAggregate g) =>
    [
        ("ratings", g.Ratings), ("flagged", g.Flagged), ("too_soon", g.Flags.TooSoon), ("duplicate_for_dossier", g.Flags.DuplicateForDossier),
        ("no_service", g.Flags.NoService), ("voided", g.Flags.Voided), ("clock_unsynced", g.Flags.ClockUnsynced),
        ("satisfied", g.Satisfied), ("linked", g.Linked), ("services", g.Services),
    ];

    private static string LevelField(int scale, int score) => string.Create(CultureInfo.InvariantCulture, $"level_{scale}_{score}");

    private static string AnswersField(string criterion, int scale) => string.Create(CultureInfo.InvariantCulture, $"{criterion}_{scale}_answers");

    private static string StepsField(string criterion, int scale) => string.Create(CultureInfo.InvariantCulture, $"{criterion}_{scale}_steps");
}
