using System.Data.Common;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>Replaces the attribution results and daily aggregates of one counter-day in one transaction.</summary>
public static class AttributionWriter
{
    public static void Replace(DbConnection c, DbTransaction tx, CounterDay counterDay, CounterDayLoader.Loaded loaded,
        IReadOnlyList<AttributedRating> attributed, IReadOnlyList<DailyAggregate> aggregates)
    {
        var day = DirtyCounterDays.DayText(counterDay.Day);
        c.Execute(tx, "DELETE FROM rating_attributions WHERE counter_id = $c AND day = $d", ("$c", counterDay.CounterId), ("$d", day));
        foreach (var a in attributed)
        {
            c.Execute(tx, """
                INSERT INTO rating_attributions (rating_id, counter_id, day, officer_id, method, service_event_id, dossier, flags)
                VALUES ($id, $c, $d, $o, $m, $e, $dossier, $f)
                ON CONFLICT (rating_id) DO UPDATE SET counter_id = $c, day = $d, officer_id = $o, method = $m, service_event_id = $e, dossier = $dossier, flags = $f
                """, ("$id", loaded.RatingIds[a.Rating.Key]), ("$c", a.CounterId), ("$d", day), ("$o", a.OfficerId),
                ("$m", RatingFlagNames.Name(a.Method)), ("$e", a.ServiceEventId), ("$dossier", a.Dossier), ("$f", (int)a.Flags));
        }
        c.Execute(tx, "DELETE FROM daily_aggregates WHERE counter_id = $c AND day = $d", ("$c", counterDay.CounterId), ("$d", day));
        foreach (var g in aggregates)
        {
            Insert(c, tx, "daily_aggregates", day, g);
        }
    }

    /// <summary>Re-sums the counter's daily rows of the month into its monthly rows (per officer).</summary>
    public static void RollUpMonth(DbConnection c, DbTransaction tx, CounterDay counterDay)
    {
        var first = new DateOnly(counterDay.Day.Year, counterDay.Day.Month, 1);
        var month = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var days = c.Query(tx, $"SELECT {AggregateColumns} FROM daily_aggregates WHERE counter_id = $c AND day >= $from AND day <= $to", Read,
            ("$c", counterDay.CounterId), ("$from", DirtyCounterDays.DayText(first)), ("$to", DirtyCounterDays.DayText(first.AddMonths(1).AddDays(-1))));
        c.Execute(tx, "DELETE FROM monthly_aggregates WHERE month = $m AND counter_id = $c", ("$m", month), ("$c", counterDay.CounterId));
        foreach (var officer in days.GroupBy(d => d.OfficerId ?? "", StringComparer.Ordinal))
        {
            Insert(c, tx, "monthly_aggregates", month, Sum(first, counterDay.CounterId, officer.First().OfficerId, [.. officer]));
        }
        Evaluations.KeptReports.AggregatesChanged(c, tx, month); // the month's kept report is out of date from this commit on
    }

    /// <summary>Adds aggregates up (all counts are integers, so the sum is exact and order-independent).</summary>
    public static DailyAggregate Sum(DateOnly day, string counter, string? officer, IReadOnlyList<DailyAggregate> parts) =>
        new(day, counter, officer, parts.Sum(p => p.Ratings), parts.Sum(p => p.Flagged),
            new FlagCounts(parts.Sum(p => p.Flags.TooSoon), parts.Sum(p => p.Flags.DuplicateForDossier), parts.Sum(p => p.Flags.NoService),
                parts.Sum(p => p.Flags.Voided), parts.Sum(p => p.Flags.ClockUnsynced)),
            parts.Sum(p => p.Satisfied), parts.Sum(p => p.Linked), parts.Sum(p => p.Services),
            parts.SelectMany(p => p.Levels).GroupBy(l => (l.Scale, l.Score)).OrderBy(g => g.Key)
                .Select(g => new LevelCount(g.Key.Scale, g.Key.Score, g.Sum(l => l.Count))).ToList(),
            parts.SelectMany(p => p.Criteria).GroupBy(t => (t.Criterion, t.Scale)).OrderBy(g => g.Key.Criterion, StringComparer.Ordinal).ThenBy(g => g.Key.Scale)
                .Select(g => new CriterionTally(g.Key.Criterion, g.Key.Scale, g.Sum(t => t.Answers), g.Sum(t => t.StepSum))).ToList());

    private static void Insert(DbConnection c, DbTransaction tx, string table, string period, DailyAggregate g)
    {
        // The table name is one of two constants above, never input.
        c.Execute(tx, $"""
            INSERT INTO {table} ({(table == "daily_aggregates" ? "day" : "month")}, counter_id, officer_id, ratings, flagged, too_soon, duplicate_for_dossier,
                                 no_service, voided, clock_unsynced, satisfied, linked, services, levels, criteria)
            VALUES ($p, $c, $o, $n, $flagged, $ts, $dup, $ns, $v, $cu, $sat, $linked, $services, $levels, $criteria)
            """, ("$p", period), ("$c", g.CounterId), ("$o", g.OfficerId ?? ""), ("$n", g.Ratings), ("$flagged", g.Flagged),
            ("$ts", g.Flags.TooSoon), ("$dup", g.Flags.DuplicateForDossier), ("$ns", g.Flags.NoService), ("$v", g.Flags.Voided),
            ("$cu", g.Flags.ClockUnsynced), ("$sat", g.Satisfied), ("$linked", g.Linked), ("$services", g.Services),
            ("$levels", AggregateText.Levels(g.Levels)), ("$criteria", AggregateText.Criteria(g.Criteria)));
    }

    /// <summary>Reads stored daily (or monthly: the first day stands for the month) aggregates back.</summary>
    public static DailyAggregate Read(DbDataReader r)
    {
        var levels = AggregateText.ParseLevels(r.GetString(13));
        var criteria = AggregateText.ParseCriteria(r.GetString(14));
        var officer = r.GetString(2);
        var period = r.GetString(0);
        var day = period.Length == 7 ? DirtyCounterDays.ParseDay(period + "-01") : DirtyCounterDays.ParseDay(period);
        return new DailyAggregate(day, r.GetString(1), officer.Length == 0 ? null : officer,
            r.GetInt32(3), r.GetInt32(4), new FlagCounts(r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9)),
            r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), levels, criteria);
    }

    public const string MonthlyColumns = "month, counter_id, officer_id, ratings, flagged, too_soon, duplicate_for_dossier, no_service, voided, clock_unsynced, satisfied, linked, services, levels, criteria";

    public const string AggregateColumns = "day, counter_id, officer_id, ratings, flagged, too_soon, duplicate_for_dossier, no_service, voided, clock_unsynced, satisfied, linked, services, levels, criteria";
}
