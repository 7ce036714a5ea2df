using System.Globalization;
using System.Text.Json;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Evaluations;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// The monthly evaluation with its ratings read from InfluxDB: one InfluxQL query sums each field of the month's
/// <c>rating_daily</c> points per (counter, officer) inside InfluxDB, so it reads days, never raw ratings (fields are
/// named one by one rather than <c>SUM(*)</c>, which not every InfluxQL implementation takes). Reference data and
/// dossiers still come from the relational store, and the evaluation library computes the report exactly as it does
/// from the relational aggregates (same integers in, same report out).
/// </summary>
public sealed class InfluxEvaluation(InfluxHttp influx, EvaluationQueries queries)
{
    public async Task<MonthlyReport> ReportAsync(Month month, CancellationToken cancellationToken)
    {
        var statement = $"""
            SELECT {string.Join(", ", LinePoints.DailyFields.Select(f => $"SUM({InfluxHttp.Identifier(f)}) AS {InfluxHttp.Identifier(f)}"))}
            FROM {influx.From(LinePoints.DailyMeasurement)}
            WHERE time >= {InfluxHttp.Literal(month.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}
              AND time < {InfluxHttp.Literal(month.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}
            GROUP BY "counter_id", "officer_id"
            """;
        var result = await influx.QueryAsync(statement.ReplaceLineEndings(" "), cancellationToken);
        return queries.Evaluate(month, MonthAggregates(month, result));
    }

    /// <summary>One aggregate per (counter, officer) series of the answer; all-zero sums (only tombstones) are dropped.</summary>
    public static List<DailyAggregate> MonthAggregates(Month month, JsonElement result)
    {
        var aggregates = new List<DailyAggregate>();
        if (!result.TryGetProperty("series", out var series))
        {
            return aggregates;
        }
        foreach (var s in series.EnumerateArray())
        {
            var tags = s.GetProperty("tags");
            var counter = tags.GetProperty("counter_id").GetString()!;
            var officer = tags.GetProperty("officer_id").GetString();
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var values = s.GetProperty("values")[0];
            var sums = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] != "time" && values[i].ValueKind == JsonValueKind.Number)
                {
                    sums[columns[i]] = values[i].GetInt64();
                }
            }
            var aggregate = LinePoints.ReadDaily(month.FirstDay, counter, officer is null or LinePoints.None ? null : officer,
                name => sums.GetValueOrDefault(name));
            if (!LinePoints.IsEmpty(aggregate))
            {
                aggregates.Add(aggregate);
            }
        }
        return aggregates;
    }
}
