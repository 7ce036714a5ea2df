using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Evaluations;

/// <summary>The evaluation wired end to end: MQTT ratings + reference data → attribution worker → API.</summary>
public class EvaluationApiTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task RatingsAreAttributedToTheDossierAndOfficerAndEvaluated()
    {
        await using var app = new TestApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var month = t0.ToOffset(Vietnam).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q1", start = t0.AddHours(-1) })).EnsureSuccessStatusCode();
        (await app.Client.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-1", procedure = "Khai sinh", kind = "received", counter = "Q1", officer = "CB-1", at = t0.ToString("O"), due = t0.AddDays(2).ToString("O") },
        })).EnsureSuccessStatusCode();
        using var client = await app.ConnectAsync(terminal);
        var ms = t0.ToUnixTimeMilliseconds();
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, ms + 60_000, score: 5)));   // takes HS-1 → CB-1
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 2, ms + 62_000, score: 1)));   // 2 s later: too soon
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 3, ms + 120_000, score: 2)));  // HS-1 taken: duplicate
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 4, ms + 3_600_000, score: 4))); // no event → shift → CB-2

        app.Services.GetRequiredService<AttributionWorker>().Drain();

        var ratings = (await app.RatingsAsync()).OrderBy(r => r.Seq).ToList();
        var details = new List<RatingDetail>();
        foreach (var r in ratings)
        {
            details.Add((await app.Client.GetFromJsonAsync<RatingDetail>($"/api/v1/ratings/{r.Id}"))!);
        }
        Assert.Equal(("CB-1", "service-event", "HS-1"), (details[0].Attribution!.OfficerId, details[0].Attribution!.Method, details[0].Attribution!.Dossier));
        Assert.Equal(["too-soon"], details[1].Attribution!.Flags);
        Assert.Equal(["duplicate-for-dossier"], details[2].Attribution!.Flags);
        Assert.Null(details[2].Attribution!.Dossier);
        Assert.Equal(("CB-2", "shift"), (details[3].Attribution!.OfficerId, details[3].Attribution!.Method));
        Assert.Equal(["no-service"], details[3].Attribution!.Flags); // the ward requires a service event

        var officers = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/officers?month={month}");
        var cb1 = officers.EnumerateArray().Single(o => o.GetProperty("officerId").GetString() == "CB-1");
        Assert.Equal((1, 1.0, 1), (cb1.GetProperty("ratings").GetInt32(), cb1.GetProperty("satisfiedShare").GetDouble(), cb1.GetProperty("services").GetInt32()));
        Assert.False(cb1.GetProperty("sufficient").GetBoolean());
        var units = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/units?month={month}");
        var ward = units.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "P-BD");
        Assert.Equal((1, 3), (ward.GetProperty("ratings").GetInt32(), ward.GetProperty("flagged").GetInt32()));
    }

    [Fact]
    public async Task AcceptedAppealVoidsTheRatingAndIsAudited()
    {
        await using var app = new TestApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-1", counterId = "Q1", start = t0.AddHours(-1) })).EnsureSuccessStatusCode();
        using var client = await app.ConnectAsync(terminal);
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, t0.ToUnixTimeMilliseconds(), score: 1)));
        var worker = app.Services.GetRequiredService<AttributionWorker>();
        worker.Drain();
        var id = Assert.Single(await app.RatingsAsync()).Id;

        var wrongOfficer = await app.Client.PostAsJsonAsync($"/api/v1/ratings/{id}/appeals", new { officerId = "CB-2", reason = "Không phải tôi" });
        var filed = await app.Client.PostAsJsonAsync($"/api/v1/ratings/{id}/appeals", new { officerId = "CB-1", reason = "Người dân bấm nhầm nút" });
        var appeal = await filed.Content.ReadFromJsonAsync<AppealView>();
        var decided = await app.Client.PostAsJsonAsync($"/api/v1/appeals/{appeal!.Id}/decision", new { accept = true, reason = "Camera xác nhận bấm nhầm" });
        var again = await app.Client.PostAsJsonAsync($"/api/v1/appeals/{appeal.Id}/decision", new { accept = false, reason = "x" });
        worker.Drain();

        Assert.Equal(HttpStatusCode.BadRequest, wrongOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var detail = await app.Client.GetFromJsonAsync<RatingDetail>($"/api/v1/ratings/{id}");
        Assert.Contains("voided", detail!.Attribution!.Flags);
        Assert.True(detail.Attribution.Excluded);
        Assert.Equal(("accepted", "Camera xác nhận bấm nhầm"), (detail.Appeals[0].Status, detail.Appeals[0].DecisionReason));
        using var db = app.Services.GetRequiredService<Storage.Database>().Open();
        using var audit = db.CreateCommand();
        audit.CommandText = "SELECT group_concat(action, ',') FROM audit_log WHERE subject LIKE 'rating:%'";
        Assert.Equal("appeal.filed,appeal.accepted", audit.ExecuteScalar());
    }

    [Fact]
    public async Task LateShiftReattributesAnEarlierRating()
    {
        await using var app = new TestApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        using var client = await app.ConnectAsync(terminal);
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, t0.ToUnixTimeMilliseconds(), score: 5)));
        var worker = app.Services.GetRequiredService<AttributionWorker>();
        worker.Drain();
        var id = Assert.Single(await app.RatingsAsync()).Id;
        var before = await app.Client.GetFromJsonAsync<RatingDetail>($"/api/v1/ratings/{id}");

        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q1", start = t0.AddMinutes(-30), end = t0.AddMinutes(30) })).EnsureSuccessStatusCode();
        worker.Drain();
        var after = await app.Client.GetFromJsonAsync<RatingDetail>($"/api/v1/ratings/{id}");

        Assert.Equal(("none", (string?)null), (before!.Attribution!.Method, before.Attribution.OfficerId));
        Assert.Equal(("shift", "CB-2"), (after!.Attribution!.Method, after.Attribution.OfficerId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("11/2026")]
    public async Task MonthMustBeYearDashMonth(string month)
    {
        await using var app = new TestApp();

        var response = await app.Client.GetAsync($"/api/v1/evaluations/officers?month={month}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
