using System.Net;
using System.Text;
using OneStop.Feedback.Dashboard.Tests.Support;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>GET /api/v1/charts/{chart}: formats, sizes, validation as ProblemDetails, authorization.</summary>
public class ChartsApiTests
{
    [Theory]
    [InlineData("units-satisfaction", "")]
    [InlineData("unit-trend", "&unit=P-BD")]
    [InlineData("officer-trend", "&officer=CB-1")]
    [InlineData("officer-criteria", "&officer=CB-2")]
    [InlineData("distribution", "&officer=CB-3")]
    public async Task EveryChartIsServedAsPngOfTheAskedSize(string chart, string subject)
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync($"/api/v1/charts/{chart}?month=2026-11{subject}&width=640&height=320");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((640, 320), Png.Size(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task SvgIsServedWithVietnameseTextAndEnglishOnRequest()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var vi = await app.Client.GetStringAsync("/api/v1/charts/distribution?month=2026-11&unit=P-BD&format=svg");
        var en = await app.Client.GetStringAsync("/api/v1/charts/distribution?month=2026-11&unit=P-BD&format=svg&lang=en");

        Assert.Contains("Rất hài lòng".Normalize(NormalizationForm.FormC), vi, StringComparison.Ordinal);
        Assert.Contains("Very satisfied", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/charts/units-satisfaction", "month")]
    [InlineData("/api/v1/charts/units-satisfaction?month=2026-13", "month")]
    [InlineData("/api/v1/charts/units-satisfaction?month=2026-11&format=gif", "format")]
    [InlineData("/api/v1/charts/units-satisfaction?month=2026-11&width=299", "width")]
    [InlineData("/api/v1/charts/units-satisfaction?month=2026-11&height=4001", "height")]
    [InlineData("/api/v1/charts/unit-trend?month=2026-11", "unit")]
    [InlineData("/api/v1/charts/officer-criteria?month=2026-11", "officer")]
    public async Task BadParametersAreProblemDetailsNamingTheField(string url, string field)
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/charts/pie?month=2026-11")]
    [InlineData("/api/v1/charts/officer-trend?month=2026-11&officer=CB-404")]
    [InlineData("/api/v1/charts/distribution?month=2026-11&unit=NOWHERE")]
    public async Task UnknownChartOrSubjectIsNotFound(string url)
    {
        await using var app = new DashboardApp(fixedReports: true);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ChartsNeedTheAdminToken()
    {
        await using var app = new DashboardApp(fixedReports: true);
        using var anonymous = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/charts/units-satisfaction?month=2026-11")).StatusCode);
    }

    [Fact]
    public async Task ChartsOfTheRealStoreRenderForAnOfficeWithoutRatingsYet()
    {
        await using var app = new DashboardApp();
        await app.SeedOfficeAsync();

        var units = await app.Client.GetAsync("/api/v1/charts/units-satisfaction?month=2026-11");
        var trend = await app.Client.GetAsync("/api/v1/charts/officer-trend?month=2026-11&officer=CB-1&format=svg");

        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trend.StatusCode);
        Assert.Contains("Nguyễn Văn An", await trend.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
