using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Pages;

/// <summary>
/// Server-rendered pages (Razor components rendered per request, no client framework). Any signed-in role may ask;
/// each page shows only the caller's scope and answers 403 for a unit or officer outside it (before looking
/// whether it exists, so the answer does not tell).
/// </summary>
public static class DashboardPages
{
    public static RouteGroupBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Dashboard pages").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/", Overview);
        group.MapGet("/units/{id}", Unit);
        group.MapGet("/officers/{id}", Officer);
        group.MapGet("/live", Live);
        return group;
    }

    private static Results<RazorComponentResult<OverviewPage>, RazorComponentResult<NotFoundPage>, RazorComponentResult<ForbiddenPage>, RedirectHttpResult> Overview(
        HttpContext context, string? month, MonthlyReports reports, AccessScopes scopes)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        if (scope.OfficerId is { } own)
        {
            // An officer's home is their own scorecard.
            return TypedResults.LocalRedirect($"/officers/{Uri.EscapeDataString(own)}" + (month is null ? "" : "?month=" + Uri.EscapeDataString(month)));
        }
        if (!scope.SeesUnits)
        {
            return Forbidden(context, text, reports.Current);
        }
        if (!TryMonth(month, reports, out var m))
        {
            return NotFound(context, text, reports.Current);
        }
        var full = reports.For(m);
        var report = full with { Units = scope.Filter(full.Units), Officers = scope.Filter(full.Officers) };
        var chart = InlineSvg.Of(UnitsSatisfactionChart.Create(m, report.Units, text), text.Format("ChartUnitsSatisfaction", text.MonthLong(m)));
        return new RazorComponentResult<OverviewPage>(new { Text = text, Report = report, Chart = chart });
    }

    private static Results<RazorComponentResult<UnitPage>, RazorComponentResult<NotFoundPage>, RazorComponentResult<ForbiddenPage>> Unit(
        HttpContext context, string id, string? month, MonthlyReports reports, AccessScopes scopes)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        if (!scope.SeesUnit(id))
        {
            return Forbidden(context, text, reports.Current);
        }
        if (!TryMonth(month, reports, out var m) || reports.For(m) is not { } report || report.Units.FirstOrDefault(u => u.UnitId == id) is not { } unit)
        {
            return NotFound(context, text, reports.Current);
        }
        var officers = report.Officers.Where(o => o.UnitId == id)
            .OrderBy(o => o.Rank ?? int.MaxValue).ThenBy(o => o.Name ?? o.OfficerId, StringComparer.Create(text.Culture, false)).ToList();
        officers = scope.Filter(officers).ToList();
        var children = scope.Filter(report.Units.Where(u => u.ParentId == id).ToList());
        var distribution = InlineSvg.Of(DistributionChart.Create(m, unit.Name, unit.Distribution, text), text.Format("ChartDistribution", unit.Name, text.MonthLong(m)));
        var trend = InlineSvg.Of(ChartCatalog.Build(ChartCatalog.UnitTrend, m, id, null, reports, text).Plot!, text.Format("ChartUnitTrend", unit.Name));
        return new RazorComponentResult<UnitPage>(new { Text = text, Month = m, Unit = unit, Children = children, Officers = officers, Trend = trend, Distribution = distribution });
    }

    private static Results<RazorComponentResult<OfficerPage>, RazorComponentResult<NotFoundPage>, RazorComponentResult<ForbiddenPage>> Officer(
        HttpContext context, string id, string? month, MonthlyReports reports, AccessScopes scopes)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        if (!scope.SeesOfficer(id))
        {
            return Forbidden(context, text, reports.Current);
        }
        if (!TryMonth(month, reports, out var m) || reports.For(m).Officers.FirstOrDefault(o => o.OfficerId == id) is not { } officer)
        {
            return NotFound(context, text, reports.Current);
        }
        var name = officer.Name ?? officer.OfficerId;
        var trend = ChartCatalog.Build(ChartCatalog.OfficerTrend, m, null, id, reports, text).Plot!;
        return new RazorComponentResult<OfficerPage>(new
        {
            Text = text,
            Month = m,
            Officer = officer,
            Trend = InlineSvg.Of(trend, text.Format("ChartOfficerTrend", name)),
            Distribution = InlineSvg.Of(DistributionChart.Create(m, name, officer.Distribution, text), text.Format("ChartDistribution", name, text.MonthLong(m))),
            Criteria = InlineSvg.Of(CriteriaChart.Create(m, name, officer.Criteria, text), text.Format("ChartOfficerCriteria", name, text.MonthLong(m))),
        });
    }

    /// <summary>Ratings and alerts as they come; the data routes limit them to the caller's units. Officers have no live view.</summary>
    private static Results<RazorComponentResult<LivePage>, RazorComponentResult<ForbiddenPage>> Live(HttpContext context, MonthlyReports reports, AccessScopes scopes)
    {
        var text = PageLanguage.Resolve(context);
        return scopes.For(context).SeesUnits
            ? new RazorComponentResult<LivePage>(new { Text = text, Month = reports.Current })
            : Forbidden(context, text, reports.Current);
    }

    /// <summary>No month means the current one; a malformed month is a 404 page rather than a silent switch.</summary>
    private static bool TryMonth(string? text, MonthlyReports reports, out Month month)
    {
        if (string.IsNullOrEmpty(text))
        {
            month = reports.Current;
            return true;
        }
        return MonthText.TryParse(text, out month);
    }

    public static RazorComponentResult<ForbiddenPage> Forbidden(HttpContext context, Text.DashboardText text, Month month)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return new RazorComponentResult<ForbiddenPage>(new { Text = text, Month = month }) { StatusCode = StatusCodes.Status403Forbidden };
    }

    private static RazorComponentResult<NotFoundPage> NotFound(HttpContext context, Text.DashboardText text, Month month)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return new RazorComponentResult<NotFoundPage>(new { Text = text, Month = month }) { StatusCode = StatusCodes.Status404NotFound };
    }
}
