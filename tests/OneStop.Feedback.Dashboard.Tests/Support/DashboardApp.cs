using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Dashboard.Reports;

namespace OneStop.Feedback.Dashboard.Tests.Support;

/// <summary>
/// The real server host with its own temporary data folder and a known admin token. With fixedReports the
/// dashboard reads <see cref="FixedReports"/> instead of the store, so API tests see rich, known numbers.
/// </summary>
internal sealed class DashboardApp : IAsyncDisposable
{
    public const string AdminToken = "dashboard-test-admin-token-0123";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _data = Directory.CreateTempSubdirectory("osf-dash").FullName;

    public DashboardApp(bool fixedReports = false)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:DataDirectory", _data);
            web.UseSetting("Mqtt:Port", "0");
            web.UseSetting("Admin:ApiToken", AdminToken);
            if (fixedReports)
            {
                web.ConfigureTestServices(services => services.AddSingleton(new MonthlyReports(FixedReports.For, TimeProvider.System)));
            }
        });
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public HttpClient Client { get; }

    public HttpClient CreateAnonymousClient() => _factory.CreateClient();

    /// <summary>Units, counters and officers through the import API, as an office would load them.</summary>
    public async Task SeedOfficeAsync()
    {
        await ImportAsync("units", "id,name,parent,validFrom,validTo,requireServiceEvent\nHN,Thành phố Hà Nội,,2025-07-01,,\nP-BD,Phường Ba Đình,HN,2025-07-01,,true\n");
        await ImportAsync("counters", "id,unit,name\nQ1,P-BD,Quầy 1\n");
        await ImportAsync("officers", "id,name,unit,badge\nCB-1,Nguyễn Văn An,P-BD,\nCB-2,Trần Thị Bình,P-BD,\n");
    }

    private async Task ImportAsync(string what, string csv) =>
        (await Client.PostAsync("/api/v1/import/" + what, new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
