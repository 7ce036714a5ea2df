using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Server.Organisation;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>
/// Pages for appeals: an officer's ratings with flags and the appeal form (the officer only), and the appeals list
/// where the officer's unit head or an admin decides. Same scope rule as everywhere: outside it, 403.
/// </summary>
public static class AppealPages
{
    public static RouteGroupBuilder MapAppealPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Dashboard pages").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/officers/{id}/ratings", Ratings);
        group.MapPost("/officers/{id}/ratings/{ratingId:long}/appeal", File);
        group.MapGet("/appeals", List);
        group.MapPost("/appeals/{id:long}/decision", Decide);
        return group;
    }

    private static IResult Ratings(string id, string? done, HttpContext context, AccessScopes scopes, OfficerRatings ratings, OrganisationStore organisation, MonthlyReports reports)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        if (!scope.SeesOfficer(id))
        {
            return DashboardPages.Forbidden(context, text, reports.Current);
        }
        var name = organisation.Officers().FirstOrDefault(o => o.Id == id)?.Name ?? id;
        return new RazorComponentResult<OfficerRatingsPage>(new
        {
            Text = text,
            Month = reports.Current,
            OfficerId = id,
            Name = name,
            Ratings = ratings.Latest(id),
            CanAppeal = scope.OfficerId == id,
            Message = done == "appeal" ? "AppealFiled" : null,
        });
    }

    // The two form posts check the scope before reading the form, so a caller outside it learns nothing from a 400.
    private static async Task<IResult> File(string id, long ratingId, HttpContext context, AccessScopes scopes, AppealStore appeals, MonthlyReports reports, IAntiforgery antiforgery)
    {
        var scope = scopes.For(context);
        if (scope.OfficerId != id)
        {
            return DashboardPages.Forbidden(context, PageLanguage.Resolve(context), reports.Current);
        }
        if (await FormAsync(context, antiforgery) is not { } form)
        {
            return TypedResults.BadRequest();
        }
        var reason = form["reason"].ToString();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["a reason of at most 2,000 characters is required"] });
        }
        var (appeal, problem) = appeals.File(ratingId, id, reason.Trim(), context.User.Identity?.Name ?? "unknown");
        if (appeal is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ratingId"] = [problem!] });
        }
        return TypedResults.LocalRedirect($"/officers/{Uri.EscapeDataString(id)}/ratings?done=appeal");
    }

    private static RazorComponentResult<AppealsPage> List(HttpContext context, AccessScopes scopes, AppealStore appeals, MonthlyReports reports)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        var rows = appeals.List(null).Where(a => scope.SeesOfficer(a.OfficerId))
            .Select(a => new AppealRow(a.Id, a.RatingId, a.OfficerId, a.Reason, a.Status, a.CreatedAt, a.DecidedBy, a.DecisionReason, scope.DecidesFor(a.OfficerId)))
            .OrderByDescending(a => a.Status == "open").ThenByDescending(a => a.Id).ToList();
        return new RazorComponentResult<AppealsPage>(new { Text = text, Month = reports.Current, Appeals = rows });
    }

    private static async Task<IResult> Decide(long id, HttpContext context, AccessScopes scopes, AppealStore appeals, MonthlyReports reports, IAntiforgery antiforgery)
    {
        var scope = scopes.For(context);
        var existing = appeals.List(null).FirstOrDefault(a => a.Id == id);
        if (existing is null || !scope.DecidesFor(existing.OfficerId))
        {
            return DashboardPages.Forbidden(context, PageLanguage.Resolve(context), reports.Current);
        }
        if (await FormAsync(context, antiforgery) is not { } form)
        {
            return TypedResults.BadRequest();
        }
        var reason = form["reason"].ToString();
        bool? accept = form["accept"].ToString() switch { "true" => true, "false" => false, _ => null };
        if (accept is null || string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["accept and a reason of at most 2,000 characters are required"] });
        }
        var (appeal, problem) = appeals.Decide(id, accept.Value, reason.Trim(), context.User.Identity?.Name ?? "unknown");
        return appeal is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [problem!] })
            : TypedResults.LocalRedirect("/appeals");
    }

    /// <summary>The posted form when it is a form with a valid antiforgery token, else null.</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext context, IAntiforgery antiforgery) =>
        context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context) ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
}
