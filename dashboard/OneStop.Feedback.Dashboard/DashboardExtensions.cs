using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Dossiers;
using OneStop.Feedback.Dashboard.Exports;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Printing;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard;

/// <summary>Wires the dashboard (pages, charts, exports) into the server host.</summary>
public static class DashboardExtensions
{
    /// <summary>
    /// Registers the dashboard. <paramref name="reports"/> says how the host computes a month's report and
    /// <paramref name="officerMonths"/> (optional) how it reads one officer's line for several months (see
    /// <see cref="MonthlyReports"/>); fonts are registered here so that a machine without DejaVu fails at start, not
    /// with blank charts later.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(
        this WebApplicationBuilder builder,
        Func<IServiceProvider, Func<Month, MonthlyReport>> reports,
        Func<IServiceProvider, Func<string, IReadOnlyList<Month>, IReadOnlyList<OfficerReport?>>>? officerMonths = null)
    {
        ChartFonts.Register(builder.Configuration["Dashboard:FontDirectory"] ?? ChartFonts.DefaultDirectory);
        builder.Services.AddRazorComponents();
        // Pages are Vietnamese: without this every letter with a diacritic is written as an entity (&#x1EBF;).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(services => new MonthlyReports(reports(services), services.GetRequiredService<TimeProvider>(), officerMonths?.Invoke(services)));
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapCharts();
        app.MapExports();
        app.MapPrinting();
        app.MapApologyLetters();
        app.MapPages();
        return app;
    }
}
