using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>Replaces the attribution results and daily aggregates of one counter-day in one transaction.</summary>
public static class AttributionWriter
{
    public static void Replace(SqliteConnection c, SqliteTransaction tx, CounterDay counterDay, CounterDayLoader.Loaded loaded,
        IReadOnlyList<AttributedRating> attributed, IReadOnlyList<DailyAggregate> aggregates)
    {
        var day = DirtyCounterDays.DayText(counterDay.Day);
        Run("DELETE FROM rating_attributions WHERE counter_id = $c AND day = $d", ("$c", counterDay.CounterId), ("$d", day));
        foreach (var a in attributed)
        {
            Run("""
                INSERT INTO rating_attributions (rating_id, counter_id, day, officer_id, method, service_event_id, dossier, flags)
                VALUES ($id, $c, $d, $o, $m, $e, $dossier, $f)
                ON CONFLICT (rating_id) DO UPDATE SET counter_id = $c, day = $d, officer_id = $o, method = $m, service_event_id = $e, dossier = $dossier, flags = $f
                """, ("$id", loaded.RatingIds[a.Rating.Key]), ("$c", a.CounterId), ("$d", day), ("$o", a.OfficerId),
                ("$m", RatingFlagNames.Name(a.Method)), ("$e", a.ServiceEventId), ("$dossier", a.Dossier), ("$f", (int)a.Flags));
        }
        Run("DELETE FROM daily_aggregates WHERE counter_id = $c AND day = $d", ("$c", counterDay.CounterId), ("$d", day));
        foreach (var g in aggregates)
        {
            Run("""
                INSERT INTO daily_aggregates (day, counter_id, officer_id, ratings, flagged, too_soon, duplicate_for_dossier, no_service, voided,
                                              clock_unsynced, satisfied, linked, services, levels, criteria)
                VALUES ($d, $c, $o, $n, $flagged, $ts, $dup, $ns, $v, $cu, $sat, $linked, $services, $levels, $criteria)
                """, ("$d", day), ("$c", g.CounterId), ("$o", g.OfficerId ?? ""), ("$n", g.Ratings), ("$flagged", g.Flagged),
                ("$ts", g.Flags.TooSoon), ("$dup", g.Flags.DuplicateForDossier), ("$ns", g.Flags.NoService), ("$v", g.Flags.Voided),
                ("$cu", g.Flags.ClockUnsynced), ("$sat", g.Satisfied), ("$linked", g.Linked), ("$services", g.Services),
                ("$levels", JsonSerializer.Serialize(g.Levels.Select(l => new[] { l.Scale, l.Score, l.Count }))),
                ("$criteria", JsonSerializer.Serialize(g.Criteria.Select(t => new object[] { t.Criterion, t.Scale, t.Answers, t.StepSum }))));
        }

        void Run(string sql, params (string, object?)[] p)
        {
            using var command = c.Command(sql, p);
            command.Transaction = tx;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Reads stored daily aggregates back (the inverse of the columns written above).</summary>
    public static DailyAggregate Read(SqliteDataReader r)
    {
        var levels = JsonSerializer.Deserialize<int[][]>(r.GetString(13))!.Select(l => new LevelCount(l[0], l[1], l[2])).ToList();
        var criteria = JsonSerializer.Deserialize<JsonElement[][]>(r.GetString(14))!
            .Select(t => new CriterionTally(t[0].GetString()!, t[1].GetInt32(), t[2].GetInt32(), t[3].GetInt64())).ToList();
        var officer = r.GetString(2);
        return new DailyAggregate(DirtyCounterDays.ParseDay(r.GetString(0)), r.GetString(1), officer.Length == 0 ? null : officer,
            r.GetInt32(3), r.GetInt32(4), new FlagCounts(r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9)),
            r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), levels, criteria);
    }

    public const string AggregateColumns = "day, counter_id, officer_id, ratings, flagged, too_soon, duplicate_for_dossier, no_service, voided, clock_unsynced, satisfied, linked, services, levels, criteria";
}
