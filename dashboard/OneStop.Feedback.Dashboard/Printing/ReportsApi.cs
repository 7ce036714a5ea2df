using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Printing;

/// <summary>Printable documents: the monthly report (PDF) for the whole organisation or a unit subtree.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapPrinting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Dashboard").RequireAuthorization();
        group.MapGet("/monthly", Monthly).WithSummary("The monthly report as PDF (cover, units, chart, officers, notes); unit = a unit subtree; lang=en for English.");
        return group;
    }

    /// <summary>The whole organisation's report needs the whole organisation in scope; a unit head asks for their unit.</summary>
    private static Results<FileContentHttpResult, NotFound, ValidationProblem, ForbidHttpResult> Monthly(
        string? month, string? unit, string? lang, MonthlyReports reports, TimeProvider time, HttpContext context, AccessScopes scopes)
    {
        var access = scopes.For(context);
        if (unit is null ? !access.SeesAll : !access.SeesUnit(unit))
        {
            return TypedResults.Forbid();
        }
        if (!MonthText.TryParse(month, out var m))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["required, as YYYY-MM (e.g. 2026-11)"] });
        }
        var report = reports.For(m);
        string? scope = null;
        if (unit is not null)
        {
            var subtree = UnitTree.Subtree(report.Units, unit);
            if (subtree.Count == 0)
            {
                return TypedResults.NotFound();
            }
            scope = report.Units.First(u => u.UnitId == unit).Name;
            report = report with
            {
                Units = report.Units.Where(u => subtree.Contains(u.UnitId)).ToList(),
                Officers = access.Filter(report.Officers.Where(o => o.UnitId is not null && subtree.Contains(o.UnitId)).ToList()),
            };
        }
        var pdf = MonthlyReportPdf.Write(report, scope, VietnamTime.DayOf(time.GetUtcNow()), DashboardText.For(lang));
        return TypedResults.File(pdf, "application/pdf", $"monthly-report-{m}{(unit is null ? "" : "-" + unit)}.pdf");
    }
}
