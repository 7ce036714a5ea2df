using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>Charts as PNG or SVG for scripts and reports: the same functions the pages render inline.</summary>
public static class ChartsApi
{
    public static RouteGroupBuilder MapCharts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/charts").WithTags("Dashboard").RequireAuthorization();
        group.MapGet("/{chart}", Chart)
            .WithSummary($"A chart ({string.Join(", ", ChartCatalog.Names)}) of a month as png or svg; unit-trend needs unit, officer-* need officer; lang=en for English.");
        return group;
    }

    private static Results<FileContentHttpResult, NotFound, ValidationProblem, ForbidHttpResult> Chart(
        string chart, string? month, string? unit, string? officer, string? format, int? width, int? height, string? lang, MonthlyReports reports,
        HttpContext context, AccessScopes scopes)
    {
        if (!ChartCatalog.Names.Contains(chart))
        {
            return TypedResults.NotFound();
        }
        var scope = scopes.For(context);
        if (!ChartCatalog.Allowed(chart, unit, officer, scope))
        {
            return TypedResults.Forbid();
        }
        var errors = new Dictionary<string, string[]>();
        if (!MonthText.TryParse(month, out var m))
        {
            errors["month"] = ["required, as YYYY-MM (e.g. 2026-11)"];
        }
        format ??= "png";
        if (format is not ("png" or "svg"))
        {
            errors["format"] = ["png or svg"];
        }
        var (w, h) = (width ?? ChartSize.DefaultWidth, height ?? ChartSize.DefaultHeight);
        if (!ChartSize.IsValid(w))
        {
            errors["width"] = [$"{ChartSize.Minimum}–{ChartSize.Maximum} pixels"];
        }
        if (!ChartSize.IsValid(h))
        {
            errors["height"] = [$"{ChartSize.Minimum}–{ChartSize.Maximum} pixels"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var text = DashboardText.For(lang);
        // A chart drawn from one report is built from the report read here once, so the image kept with it (below) is
        // the image of that very report.
        var report = ChartCatalog.FromOneReport(chart) ? reports.For(m) : null;
        var (plot, field, problem) = report is null
            ? ChartCatalog.Build(chart, m, unit, officer, reports, text, scope)
            : ChartCatalog.Build(chart, report, unit, officer, text, scope);
        if (plot is null)
        {
            return problem!.StartsWith("unknown", StringComparison.Ordinal) ? TypedResults.NotFound() : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [problem] });
        }
        var name = $"{chart}-{m}";
        return format == "svg"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ChartImage.Svg(plot, w, h)), "image/svg+xml", name + ".svg")
            : TypedResults.File(Png(report, chart, unit, officer, w, h, lang, scope, plot), "image/png", name + ".png");
    }

    /// <summary>
    /// The PNG, kept with its report when it depends on nothing else: the unit comparison for a caller who sees every
    /// unit (others see only their units in it), the officer criteria and the distributions.
    /// </summary>
    private static byte[] Png(MonthlyReport? report, string chart, string? unit, string? officer, int w, int h, string? lang, AccessScope scope, ScottPlot.Plot plot)
    {
        if (report is null || (chart == ChartCatalog.UnitsSatisfaction && !scope.SeesAll))
        {
            return ChartImage.Png(plot, w, h);
        }
        return KeptCharts.Png(report, $"{chart}\n{unit}\n{officer}\n{w}x{h}\n{lang}", () => ChartImage.Png(plot, w, h));
    }
}
