using System.Globalization;
using System.Text.Json;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>The line building without InfluxDB: rollups read back to the same aggregate, identities, timestamps.</summary>
public class LinePointsTests
{
    private static readonly DailyAggregate Day = new(new DateOnly(2026, 11, 3), "Q1", "CB-1", 7, 2, new FlagCounts(1, 0, 1, 0, 3), 5, 4, 9,
        [new LevelCount(3, 3, 2), new LevelCount(5, 2, 1), new LevelCount(5, 5, 4)],
        [new CriterionTally("listen", 5, 3, 11), new CriterionTally("thank", 3, 2, 3)]);

    [Fact]
    public void DailyPointReadsBackToTheSameAggregateAndItsTombstoneToNothing()
    {
        var line = LinePoints.Daily(Day, "P-BD");
        var tombstone = LinePoints.Daily(Day, "P-BD", zero: true);

        var back = LinePoints.ReadDaily(Day.Day, "Q1", "CB-1", Fields(line).GetValueOrDefault);
        var zero = LinePoints.ReadDaily(Day.Day, "Q1", "CB-1", Fields(tombstone).GetValueOrDefault);

        Assert.Equal(JsonSerializer.Serialize(Day), JsonSerializer.Serialize(back));
        Assert.True(LinePoints.IsEmpty(zero));
        Assert.Equal(LinePoints.DailyFields.Order(StringComparer.Ordinal), Fields(line).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(52, LinePoints.DailyFields.Count);
        Assert.Equal(LinePoints.Identity(line), LinePoints.Identity(tombstone));
        Assert.Equal("rating_daily,counter_id=Q1,officer_id=CB-1,unit_id=P-BD 1793638800000", LinePoints.Identity(line));
    }

    [Fact]
    public void IdentitySkipsEscapedSpacesAndIgnoresFields()
    {
        Assert.Equal(@"rating,counter_id=Q\ 1,officer_id=none 5", LinePoints.Identity(@"rating,counter_id=Q\ 1,officer_id=none dossier=""a b"",score=1i 5"));
    }

    [Fact]
    public void RatingsOfOneTerminalInTheSameMillisecondGetDistinctTimestampsInSeqOrder()
    {
        RatingRow Row(string terminal, long seq, long at) => new(seq, terminal, 1, seq, 5, 4, new int?[5], at, "Q1", "P-BD", null, null, 16);

        var stamps = TimeSeriesOutbox.Timestamps([Row("T1", 3, 1000), Row("T1", 1, 1000), Row("T2", 1, 1000), Row("T1", 2, 1000), Row("T1", 4, 1002)])
            .Select(s => (s.Row.TerminalId, s.Row.Seq, s.Timestamp)).Order().ToList();

        Assert.Equal([("T1", 1L, 1000L), ("T1", 2L, 1001L), ("T1", 3L, 1002L), ("T1", 4L, 1003L), ("T2", 1L, 1000L)], stamps);
    }

    /// <summary>The integer fields of a line (the tests' lines have no string fields).</summary>
    private static Dictionary<string, long> Fields(string line)
    {
        var fields = line.Split(' ')[1];
        return fields.Split(',').Select(f => f.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1].TrimEnd('i'), CultureInfo.InvariantCulture));
    }
}
