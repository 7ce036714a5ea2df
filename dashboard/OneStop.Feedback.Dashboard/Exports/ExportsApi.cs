using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Text;

namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>The monthly officer and unit tables as CSV (for scripts) or XLSX (for people), with only the rows the caller may see.</summary>
public static class ExportsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exports").WithTags("Dashboard").RequireAuthorization();
        group.MapGet("/officers", Officers).WithSummary("The month's officer evaluation as csv (header = field ids) or xlsx (typed cells, localised header); unit = a unit subtree.");
        group.MapGet("/units", Units).WithSummary("The month's unit evaluation as csv or xlsx.");
        return group;
    }

    private static Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult> Officers(
        string? month, string? format, string? unit, string? lang, MonthlyReports reports, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        if (unit is not null && !scope.SeesUnit(unit))
        {
            return TypedResults.Forbid();
        }
        if (Invalid(month, format, out var m) is { } problem)
        {
            return problem;
        }
        var report = reports.For(m);
        var subtree = unit is null ? null : UnitTree.Subtree(report.Units, unit);
        var officers = scope.Filter(subtree is null ? report.Officers : report.Officers.Where(o => o.UnitId is not null && subtree.Contains(o.UnitId)).ToList());
        var text = DashboardText.For(lang);
        return format == "xlsx"
            ? TypedResults.File(XlsxTable.Write(text["SheetOfficers"], ExportTables.Officers, officers, text), XlsxType, $"officers-{m}.xlsx")
            : TypedResults.File(CsvTable.Write(ExportTables.Officers, officers), "text/csv; charset=utf-8", $"officers-{m}.csv");
    }

    private static Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult> Units(
        string? month, string? format, string? lang, MonthlyReports reports, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        if (!scope.SeesUnits)
        {
            return TypedResults.Forbid();
        }
        if (Invalid(month, format, out var m) is { } problem)
        {
            return problem;
        }
        var units = scope.Filter(reports.For(m).Units);
        var text = DashboardText.For(lang);
        return format == "xlsx"
            ? TypedResults.File(XlsxTable.Write(text["SheetUnits"], ExportTables.Units, units, text), XlsxType, $"units-{m}.xlsx")
            : TypedResults.File(CsvTable.Write(ExportTables.Units, units), "text/csv; charset=utf-8", $"units-{m}.csv");
    }

    private static ValidationProblem? Invalid(string? month, string? format, out Evaluation.Calendar.Month m)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MonthText.TryParse(month, out m))
        {
            errors["month"] = ["required, as YYYY-MM (e.g. 2026-11)"];
        }
        if (format is not ("csv" or "xlsx"))
        {
            errors["format"] = ["csv or xlsx"];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
