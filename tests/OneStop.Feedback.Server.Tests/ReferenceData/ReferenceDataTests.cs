using System.Net;
using System.Net.Http.Json;
using System.Text;
using OneStop.Feedback.Server.CsvImport;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Shifts;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.ReferenceData;

public class ReferenceDataTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    internal static async Task SeedOfficeAsync(TestApp app)
    {
        (await app.Client.PostAsync("/api/v1/import/units", CsvBody("""
            id,name,parent,validFrom,validTo,requireServiceEvent
            HN,Thành phố Hà Nội,,2025-07-01,,
            P-BD,Phường Ba Đình,HN,2025-07-01,,true
            """))).EnsureSuccessStatusCode();
        (await app.Client.PostAsync("/api/v1/import/counters", CsvBody("id,unit,name\nQ1,P-BD,Quầy 1\nQ2,P-BD,Quầy 2\n"))).EnsureSuccessStatusCode();
        (await app.Client.PostAsync("/api/v1/import/officers", CsvBody("id,name,unit,badge\nCB-1,Nguyễn Văn An,P-BD,04A1B2C3\nCB-2,Trần Thị Bình,P-BD,\n"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task OfficeImportedFromCsvIsListedWithVietnameseNames()
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);

        var units = await app.Client.GetFromJsonAsync<List<UnitRecord>>("/api/v1/units");
        var officers = await app.Client.GetFromJsonAsync<List<OfficerRecord>>("/api/v1/officers");

        Assert.Equal(["HN", "P-BD"], units!.Select(u => u.Id));
        Assert.True(units![1].RequireServiceEvent);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7)), units[1].ValidFrom);
        Assert.Equal("Nguyễn Văn An", officers![0].Name);
        Assert.Equal("04A1B2C3", officers[0].BadgeUid);
    }

    [Fact]
    public async Task CsvWithAnyBadRowImportsNothingAndNamesEveryProblem()
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);

        var response = await app.Client.PostAsync("/api/v1/import/officers", CsvBody("id,name,unit,badge\nCB-3,Lê Văn Cường,P-BD,\nCB 4,,NOWHERE,XYZ\nCB-5,\"Phạm, Thị Dung\",P-BD,04A1B2C3\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<ImportResponse>();
        Assert.Equal(0, result!.Imported);
        Assert.Equal([(3, "id"), (3, "name"), (3, "unitId"), (3, "badgeUid"), (4, "badgeUid")], result.Errors.Select(e => (e.Row, e.Field)));
        Assert.Equal(2, (await app.Client.GetFromJsonAsync<List<OfficerRecord>>("/api/v1/officers"))!.Count);
    }

    [Fact]
    public async Task ServiceEventsImportFromCsvAndJsonAndAreIdempotent()
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);
        const string csv = """
            dossier,procedure,kind,counter,officer,at,due
            HS-001,Cấp giấy khai sinh,received,Q1,CB-1,2026-11-05 08:30,2026-11-07 17:00
            HS-001,Cấp giấy khai sinh,returned,Q2,,2026-11-06T10:00:00+07:00,
            """;

        var first = await app.Client.PostAsync("/api/v1/import/service-events", CsvBody(csv));
        var again = await app.Client.PostAsync("/api/v1/import/service-events", CsvBody(csv));
        var json = await app.Client.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new ServiceEventRow("HS-002", "Chứng thực bản sao", "received", "Q2", null, "2026-11-05T02:00:00Z", "2026-11-05T09:00:00Z"),
        });
        var completed = await app.Client.PostAsJsonAsync("/api/v1/dossiers/HS-001/completed", new { at = "2026-11-06T09:00:00+07:00" });

        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<ImportResponse>())!.Imported);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        var events = await app.Client.GetFromJsonAsync<List<ServiceEventView>>("/api/v1/service-events");
        Assert.Equal(3, events!.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 1, 30, 0, TimeSpan.Zero), events[0].At);
        var dossier = await app.Client.GetFromJsonAsync<DossierView>("/api/v1/dossiers/HS-001");
        Assert.Equal((new DateTimeOffset(2026, 11, 7, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 6, 2, 0, 0, TimeSpan.Zero)), (dossier!.DueAt!.Value, dossier.CompletedAt!.Value));
    }

    [Theory]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\nHS-9,x,sent,Q1,,2026-11-05 08:30,\n", "kind")]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\nHS-9,x,received,Q9,,2026-11-05 08:30,2026-11-06 08:30\n", "counter")]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\nHS-9,x,received,Q1,CB-9,2026-11-05 08:30,2026-11-06 08:30\n", "officer")]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\nHS-9,x,received,Q1,,05/11/2026,2026-11-06 08:30\n", "at")]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\nHS-9,x,received,Q1,,2026-11-05 08:30,\n", "due")]
    [InlineData("dossier,kind,counter,at\nHS-9,received,Q1,2026-11-05 08:30\n", "header")]
    [InlineData("dossier,procedure,kind,counter,officer,at,due\n\"HS-9,x,received\n", "file")]
    public async Task InvalidServiceEventCsvIsRefusedWithTheField(string csv, string field)
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);

        var response = await app.Client.PostAsync("/api/v1/import/service-events", CsvBody(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.Content.ReadFromJsonAsync<ImportResponse>())!.Errors, e => e.Field == field);
        Assert.Empty((await app.Client.GetFromJsonAsync<List<ServiceEventView>>("/api/v1/service-events"))!);
    }

    [Fact]
    public async Task BadgeTapsSignTheOfficerInAndOutAtTheTerminalsCounter()
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var client = await app.ConnectAsync(terminal);
        var t0 = TestApp.NowMs - 3_600_000;

        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/event", $$"""{"v":1,"boot":1,"seq":1,"ts":{{t0}},"kind":"badge","uid":"04a1b2c3"}"""));
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/event", $$"""{"v":1,"boot":1,"seq":1,"ts":{{t0}},"kind":"badge","uid":"04a1b2c3"}"""));
        var signedIn = await app.Client.GetFromJsonAsync<List<ShiftRecord>>("/api/v1/shifts?counter=Q1");
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/event", $$"""{"v":1,"boot":1,"seq":2,"ts":{{t0 + 600_000}},"kind":"badge","uid":"04A1B2C3"}"""));
        var signedOut = await app.Client.GetFromJsonAsync<List<ShiftRecord>>("/api/v1/shifts?counter=Q1");

        var shift = Assert.Single(signedIn!); // the redelivered tap acted once
        Assert.Equal(("CB-1", "badge", (DateTimeOffset?)null), (shift.OfficerId, shift.Source, shift.End));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(t0 + 600_000), Assert.Single(signedOut!).End);
    }

    [Fact]
    public async Task ShiftsAndTerminalMovesKeepTheirHistory()
    {
        await using var app = NewApp();
        await SeedOfficeAsync(app);
        await app.CreateTerminalAsync("T1", "Q1");

        var created = await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q2", start = "2026-11-05T01:00:00Z" });
        var shift = await created.Content.ReadFromJsonAsync<ShiftRecord>();
        var ended = await app.Client.PostAsJsonAsync($"/api/v1/shifts/{shift!.Id}/end", new { end = "2026-11-05T04:00:00Z" });
        var endedTwice = await app.Client.PostAsJsonAsync($"/api/v1/shifts/{shift.Id}/end", new { end = "2026-11-05T05:00:00Z" });
        var moved = await app.Client.PutAsJsonAsync("/api/v1/terminals/T1/counter", new { counterId = "Q2", from = "2026-11-10T00:00:00Z" });
        var badMove = await app.Client.PutAsJsonAsync("/api/v1/terminals/T1/counter", new { counterId = "Q9" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, endedTwice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMove.StatusCode);
        var history = await app.Client.GetFromJsonAsync<List<OneStop.Feedback.Server.Terminals.TerminalAssignment>>("/api/v1/terminals/T1/assignments");
        Assert.Equal(["Q1", "Q2"], history!.Select(h => h.CounterId));
    }
}
