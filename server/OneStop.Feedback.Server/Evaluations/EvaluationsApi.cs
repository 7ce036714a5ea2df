using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>
/// Monthly evaluation of officers and units, late dossiers, rating detail with attribution, and appeals. Every
/// answer is narrowed to the caller's <see cref="AccessScope"/>; an id outside it is refused with 403.
/// </summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization();
        group.MapGet("/evaluations/officers", Officers).WithSummary("Monthly evaluation per officer (month = YYYY-MM in Vietnam time), optionally for a unit subtree.");
        group.MapGet("/evaluations/units", Units).WithSummary("Monthly evaluation per unit, with the unit index.");
        group.MapGet("/dossiers/late", Late).RequireAuthorization(Access.AccessPolicies.Reader).WithSummary("Dossiers of the month completed after their due date or still open past it (for apology letters).");
        group.MapGet("/ratings/{id:long}", Rating).WithSummary("A rating with its attribution, flags and appeals.");
        group.MapPost("/ratings/{id:long}/appeals", File).WithSummary("An officer contests a rating attributed to them, with a reason.");
        group.MapGet("/appeals", (AppealStore appeals, string? status, HttpContext context, AccessScopes scopes) =>
                TypedResults.Ok(appeals.List(status).Where(a => scopes.For(context).SeesOfficer(a.OfficerId)).ToList())).WithSummary("Appeals, optionally by status (open, accepted, rejected).");
        group.MapPost("/appeals/{id:long}/decision", Decide).WithSummary("Accept (the rating is flagged voided) or reject an appeal, with a reason.");
        return group;
    }

    private static Results<Ok<IReadOnlyList<OfficerReport>>, ValidationProblem, ForbidHttpResult> Officers(
        EvaluationQueries queries, string? month, string? unit, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        if (unit is not null && !scope.SeesUnit(unit))
        {
            return TypedResults.Forbid();
        }
        if (!EvaluationQueries.TryParseMonth(month, out var m))
        {
            return MonthProblem();
        }
        var report = queries.Report(m);
        if (unit is null)
        {
            return TypedResults.Ok(scope.Filter(report.Officers));
        }
        var subtree = queries.Subtree(m, unit);
        return TypedResults.Ok(scope.Filter(report.Officers.Where(o => o.UnitId is not null && subtree.Contains(o.UnitId)).ToList()));
    }

    private static Results<Ok<IReadOnlyList<UnitReport>>, ValidationProblem, ForbidHttpResult> Units(EvaluationQueries queries, string? month, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        if (!scope.SeesUnits)
        {
            return TypedResults.Forbid();
        }
        return EvaluationQueries.TryParseMonth(month, out var m) ? TypedResults.Ok(scope.Filter(queries.Report(m).Units)) : MonthProblem();
    }

    /// <summary>A rating the caller may see: one attributed to an officer in their scope (any rating for admin and leader).</summary>
    private static Results<Ok<RatingDetail>, NotFound, ForbidHttpResult> Rating(long id, AppealStore appeals, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        var detail = appeals.Detail(id);
        if (!scope.SeesAll && (detail?.Attribution?.OfficerId is not { } officer || !scope.SeesOfficer(officer)))
        {
            return TypedResults.Forbid();
        }
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    private static Results<Ok<IReadOnlyList<LateDossier>>, ValidationProblem> Late(EvaluationQueries queries, string? month) =>
        EvaluationQueries.TryParseMonth(month, out var m) ? TypedResults.Ok(queries.Late(m)) : MonthProblem();

    private static Results<Created<AppealView>, NotFound, ValidationProblem, ForbidHttpResult> File(
        long id, AppealRequest request, AppealStore appeals, ClaimsPrincipal user, HttpContext context, AccessScopes scopes)
    {
        // An officer appeals their own ratings; an admin may file for anyone (e.g. from a paper form).
        var scope = scopes.For(context);
        if (!scope.IsAdmin && (scope.OfficerId is null || request.OfficerId != scope.OfficerId || appeals.Detail(id)?.Attribution?.OfficerId != scope.OfficerId))
        {
            return TypedResults.Forbid();
        }
        if (string.IsNullOrWhiteSpace(request.OfficerId) || string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["officerId and a reason (at most 2,000 characters) are required"] });
        }
        if (appeals.Detail(id) is null)
        {
            return TypedResults.NotFound();
        }
        var (appeal, problem) = appeals.File(id, request.OfficerId, request.Reason.Trim(), Actor(user));
        return appeal is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["officerId"] = [problem!] })
            : TypedResults.Created($"/api/v1/appeals/{appeal.Id}", appeal);
    }

    private static Results<Ok<AppealView>, ValidationProblem, ForbidHttpResult> Decide(
        long id, DecisionRequest request, AppealStore appeals, ClaimsPrincipal user, HttpContext context, AccessScopes scopes)
    {
        // The head of the officer's unit subtree or an admin decides; an unknown appeal is refused like a foreign one.
        var scope = scopes.For(context);
        var existing = appeals.List(null).FirstOrDefault(a => a.Id == id);
        if (existing is null ? !scope.IsAdmin : !scope.DecidesFor(existing.OfficerId))
        {
            return TypedResults.Forbid();
        }
        if (request.Accept is null || string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accept"] = ["accept (true/false) and a reason are required"] });
        }
        var (appeal, problem) = appeals.Decide(id, request.Accept.Value, request.Reason.Trim(), Actor(user));
        return appeal is null ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [problem!] }) : TypedResults.Ok(appeal);
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static ValidationProblem MonthProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["required, as YYYY-MM (e.g. 2026-11)"] });
}
