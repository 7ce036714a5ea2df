using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Evaluations;

/// <summary>
/// The monthly report is kept in memory and served again while the versions it was computed under are unchanged
/// (<see cref="KeptReports"/>). Each kind of write the report depends on — a new rating attributed (the roll-up rows),
/// an appeal decision, a change to the organisation, a dossier completed — must make the next report show it.
/// </summary>
public class KeptReportTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp() => new();

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task AKeptReportIsServedUntilItsRatingsOrganisationOrDossiersChange()
    {
        await using var app = NewApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var month = VietnamTime.MonthOf(t0);
        var previous = MonthlyReportsBack(month);
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q1", start = t0.AddHours(-1) })).EnsureSuccessStatusCode();
        (await app.Client.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-1", procedure = "Khai sinh", kind = "received", counter = "Q1", officer = "CB-1", at = t0.ToString("O"), due = t0.AddDays(2).ToString("O") },
        })).EnsureSuccessStatusCode();
        using var client = await app.ConnectAsync(terminal);
        var ms = t0.ToUnixTimeMilliseconds();
        var worker = app.Services.GetRequiredService<AttributionWorker>();
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, ms + 60_000, score: 5))); // takes HS-1 → CB-1
        worker.Drain();

        var first = queries.Report(month);
        var kept = queries.Report(month);
        var previousMonth = queries.Report(previous);
        // A second rating, an hour later without a service event: shift → CB-2, flagged no-service (the ward requires one).
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 2, ms + 3_600_000, score: 1)));
        worker.Drain();
        var afterRating = queries.Report(month);
        var previousKept = queries.Report(previous);
        // The first rating's officer appeals it and the appeal is accepted: the rating is voided.
        var ratingId = (await app.RatingsAsync()).Single(r => r.Seq == 1).Id;
        var filed = await app.Client.PostAsJsonAsync($"/api/v1/ratings/{ratingId}/appeals", new { officerId = "CB-1", reason = "Người dân bấm nhầm nút" });
        var appeal = await filed.Content.ReadFromJsonAsync<AppealView>();
        (await app.Client.PostAsJsonAsync($"/api/v1/appeals/{appeal!.Id}/decision", new { accept = true, reason = "Camera xác nhận bấm nhầm" })).EnsureSuccessStatusCode();
        worker.Drain();
        var afterAppeal = queries.Report(month);
        // The ward is renamed: only the organisation changes.
        (await app.Client.PutAsJsonAsync("/api/v1/units/P-BD", new
        {
            name = "Phường Ba Đình (mới)",
            parentId = "HN",
            validFrom = new DateTimeOffset(2025, 7, 1, 0, 0, 0, Vietnam),
            requireServiceEvent = true,
        })).EnsureSuccessStatusCode();
        var afterRename = queries.Report(month);
        var previousAfterRename = queries.Report(previous);
        // The dossier is completed on time: only the dossiers change.
        (await app.Client.PostAsJsonAsync("/api/v1/dossiers/HS-1/completed", new { at = t0.AddMinutes(30) })).EnsureSuccessStatusCode();
        var afterCompletion = queries.Report(month);
        var overHttp = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/units?month={month}");

        Assert.Same(first, kept); // nothing changed: the same report, not computed again
        Assert.Equal(("Phường Ba Đình", 1, 0, 0, 0), Ward(first));
        Assert.Equal(("Phường Ba Đình", 1, 1, 0, 0), Ward(afterRating));
        Assert.Same(previousMonth, previousKept); // another month's roll-up rows changed, not this one's
        Assert.Equal(("Phường Ba Đình", 0, 2, 1, 0), Ward(afterAppeal));
        Assert.Equal(("Phường Ba Đình (mới)", 0, 2, 1, 0), Ward(afterRename));
        Assert.NotSame(previousMonth, previousAfterRename); // the organisation is every month's
        Assert.Equal(("Phường Ba Đình (mới)", 0, 2, 1, 1), Ward(afterCompletion));
        var ward = overHttp.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "P-BD");
        Assert.Equal(("Phường Ba Đình (mới)", 0, 2, 1), (ward.GetProperty("name").GetString(), ward.GetProperty("ratings").GetInt32(),
            ward.GetProperty("flagged").GetInt32(), ward.GetProperty("dossiersCompleted").GetInt32()));
    }

    [Fact]
    public async Task ReportsOfMoreMonthsThanAreKeptAreStillRight()
    {
        await using var app = NewApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        // December 2027 back to July 2025, when the office's units begin.
        var months = Enumerable.Range(0, KeptReports.MaximumMonths + 6).Select(i => MonthlyReportsBack(new Month(2027, 12), i)).ToList();

        var reports = months.Select(queries.Report).ToList();
        var again = months.Select(queries.Report).ToList();

        Assert.Equal(months, reports.Select(r => r.Month));
        Assert.Equal(months, again.Select(r => r.Month));
        Assert.All(again, r => Assert.Equal(["HN", "P-BD"], r.Units.Select(u => u.UnitId)));
        // The newest months are the ones kept: asked again, they are the same reports.
        Assert.Same(reports[0], again[0]);
    }

    private static (string Name, int Ratings, int Flagged, int Voided, int DossiersCompleted) Ward(MonthlyReport report) =>
        report.Units.Where(u => u.UnitId == "P-BD").Select(u => (u.Name, u.Ratings, u.Flagged, u.Flags.Voided, u.DossiersCompleted)).Single();

    private static Month MonthlyReportsBack(Month month, int months = 1)
    {
        var first = month.FirstDay.AddMonths(-months);
        return new Month(first.Year, first.Month);
    }
}
