using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Evaluations;

/// <summary>
/// The report counts the month's completed dossiers with one grouped query; these are the cases the in-memory rule
/// (<see cref="CounterDossierCounts.Of"/>) decides, checked against the database's counts.
/// </summary>
public class DossierCountTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp() => new();

    private static readonly Month October = new(2026, 10);

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static readonly DossierOutcome[] Dossiers =
    [
        new("HS-01", "Khai sinh", "Q1", At(10, 1, 8), At(10, 3, 17), At(10, 2, 9)),       // on time
        new("HS-02", "Khai sinh", "Q1", At(10, 5, 8), At(10, 6, 17), At(10, 6, 17)),      // exactly at the due instant: on time
        new("HS-03", "Khai tử", "Q1", At(10, 5, 8), At(10, 6, 17), At(10, 9, 10)),        // late
        new("HS-04", "Kết hôn", "Q1", At(10, 7, 8), null, At(10, 8, 8)),                  // no due instant
        new("HS-05", "Kết hôn", "Q2", At(10, 20, 8), At(10, 21, 8), At(10, 31, 23)),      // late, last hour of the month
        new("HS-06", "Khai sinh", "Q2", At(10, 30, 8), At(11, 2, 8), At(11, 1, 0)),       // completed next month
        new("HS-07", "Khai sinh", "Q2", At(9, 28, 8), At(9, 29, 8), At(9, 30, 23)),       // completed last month
        new("HS-08", "Khai sinh", "Q2", At(10, 2, 8), At(10, 3, 8), null),                // still open
    ];

    [Fact]
    public async Task TheReportCountsTheMonthsCompletedDossiersAsTheInMemoryRuleDoes()
    {
        await using var app = NewApp();
        var database = await SeedAsync(app);
        using (var c = database.Open())
        {
            // Not placed (no counter) or never received: the evaluation does not count them.
            Insert(c, "HS-09", null, At(10, 2, 8), At(10, 3, 8), At(10, 2, 10));
            Insert(c, "HS-10", "Q1", null, At(10, 3, 8), At(10, 2, 10));
        }

        var report = app.Services.GetRequiredService<EvaluationQueries>().Report(October);

        var expected = CounterDossierCounts.Of(Dossiers, October).OrderBy(x => x.CounterId, StringComparer.Ordinal).ToList();
        Assert.Equal([new("Q1", 4, 3, 2, 1), new("Q2", 1, 1, 0, 1)], expected);
        var ward = Assert.Single(report.Units, u => u.UnitId == "P-BD");
        Assert.Equal((5, 2, 0.5), (ward.DossiersCompleted, ward.LateDossiers, ward.OnTimeShare));
        var city = Assert.Single(report.Units, u => u.UnitId == "HN");
        Assert.Equal((5, 2, 0.5), (city.DossiersCompleted, city.LateDossiers, city.OnTimeShare)); // the parent counts its wards' dossiers
    }

    [Fact]
    public async Task KeptCountsAreReusedUntilADossierChangesAndThenCountedAgain()
    {
        await using var app = NewApp();
        var database = await SeedAsync(app);
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        static (int, int, double?) Ward(OneStop.Feedback.Evaluation.Evaluation.MonthlyReport r) =>
            r.Units.Where(u => u.UnitId == "P-BD").Select(u => (u.DossiersCompleted, u.LateDossiers, u.OnTimeShare)).Single();

        var first = Ward(queries.Report(October));
        using (var c = database.Open())
        {
            // Kept under the current version: the next report reads these rows instead of counting.
            Assert.Equal(c.Scalar("SELECT version FROM dossier_version WHERE name = 'dossiers'"), c.Scalar("SELECT version FROM dossier_count_months WHERE month = '2026-10'"));
            Assert.Equal(2L, Convert.ToInt64(c.Scalar("SELECT count(*) FROM dossier_counts WHERE month = '2026-10'"), System.Globalization.CultureInfo.InvariantCulture));
        }
        var again = Ward(queries.Report(October));
        // The open dossier is completed on time through the API: the kept counts must not hide it.
        var completed = await app.Client.PostAsJsonAsync("/api/v1/dossiers/HS-08/completed", new { at = At(10, 2, 20) });
        completed.EnsureSuccessStatusCode();
        var after = Ward(queries.Report(October));

        Assert.Equal((5, 2, 0.5), first);
        Assert.Equal(first, again);
        Assert.Equal((6, 2, 3 / 5.0), after);
    }

    [Fact]
    public async Task WritesOfKnownDossiersKeepTheCountsCurrentWithoutCountingTheMonthAgain()
    {
        // An office completes dossiers all day: each completion or import adds its own difference to the kept counts
        // instead of making the next report count the whole month again (4.9 s at 10 M ratings).
        await using var app = NewApp();
        var database = await SeedAsync(app);
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        var store = app.Services.GetRequiredService<ServiceEventStore>();
        queries.Report(October); // counts October and keeps the counts
        var november = new Month(2026, 11);
        using (var c = database.Open())
        {
            DossierCountCache.For(c, november); // November kept too
        }

        // Completed on time in October (it was open).
        Assert.True(store.Complete("HS-08", At(10, 2, 20)));
        // Re-imported: HS-01 moves to Q2 with a due instant before its completion (now late); HS-04 gets a due instant.
        store.Save([new("HS-01", "Khai sinh", "received", "Q2", null, At(10, 1, 8), At(10, 1, 20)),
            new("HS-04", "Kết hôn", "received", "Q1", null, At(10, 7, 8), At(10, 9, 8))]);
        // Completed again later: HS-03 leaves October for November; a new dossier is received and completed.
        Assert.True(store.Complete("HS-03", At(11, 3, 10)));
        store.Save([new("HS-11", "Khai tử", "received", "Q1", null, At(10, 28, 8), At(10, 29, 8))]);
        Assert.True(store.Complete("HS-11", At(10, 28, 15)));
        // A returned event does not change what is counted.
        store.Save([new("HS-02", null, "returned", "Q1", null, At(10, 7, 9), null)]);

        using var check = database.Open();
        var version = check.Scalar("SELECT version FROM dossier_version WHERE name = 'dossiers'");
        foreach (var month in new[] { October, november })
        {
            // Still current: the next report reads the kept rows, and they are what counting now gives.
            Assert.Equal(version, check.Scalar("SELECT version FROM dossier_count_months WHERE month = $m", ("$m", month.ToString())));
            var kept = check.Query("SELECT counter_id, completed, with_due, on_time, late FROM dossier_counts WHERE month = $m ORDER BY counter_id",
                r => new CounterDossierCounts(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), ("$m", month.ToString()));
            Assert.Equal(DossierCountCache.Count(check, month).OrderBy(x => x.CounterId, StringComparer.Ordinal), kept);
        }
        // Q1 (4, 3, 2, 1 before): HS-01 left, HS-04 on time with a due instant, HS-03 left for November, HS-11 on time.
        // Q2 (1, 1, 0, 1 before): HS-08 on time, HS-01 late.
        Assert.Equal([new("Q1", 3, 3, 3, 0), new("Q2", 3, 3, 1, 2)],
            DossierCountCache.For(check, October).OrderBy(x => x.CounterId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheLateListReadsOnlyLateDossiersAndGivesWhatTheRuleGivesOnAllOfThem()
    {
        await using var app = NewApp();
        await SeedAsync(app);

        var late = app.Services.GetRequiredService<EvaluationQueries>().Late(October);

        var rule = LateDossiers.List(Dossiers, October, DateTimeOffset.UtcNow);
        Assert.Equal(["HS-08", "HS-03", "HS-05"], rule.Select(d => d.Code));
        Assert.Equal(rule.Select(d => (d.Code, d.CounterId, d.Due, d.CompletedAt, d.ReceivedAt)), late.Select(d => (d.Code, d.CounterId, d.Due, d.CompletedAt, d.ReceivedAt)));
    }

    /// <summary>The office of <see cref="ReferenceDataTests"/> and the dossiers above, written straight into the table.</summary>
    private static async Task<Database> SeedAsync(TestApp app)
    {
        await ReferenceDataTests.SeedOfficeAsync(app);
        var database = app.Services.GetRequiredService<Database>();
        using var c = database.Open();
        foreach (var d in Dossiers)
        {
            Insert(c, d.Code, d.CounterId, d.ReceivedAt, d.Due, d.CompletedAt);
        }
        return database;
    }

    private static void Insert(System.Data.Common.DbConnection c, string code, string? counter, DateTimeOffset? received, DateTimeOffset? due, DateTimeOffset? completed) =>
        c.Execute("INSERT INTO dossiers (code, procedure, counter_id, received_at, due_at, completed_at) VALUES ($code, 'x', $counter, $received, $due, $completed)",
            ("$code", code), ("$counter", counter), ("$received", received?.ToUnixTimeMilliseconds()), ("$due", due?.ToUnixTimeMilliseconds()),
            ("$completed", completed?.ToUnixTimeMilliseconds()));
}
