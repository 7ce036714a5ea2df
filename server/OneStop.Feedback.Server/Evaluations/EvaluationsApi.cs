using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>Monthly evaluation of officers and units, late dossiers, rating detail with attribution, and appeals.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization();
        group.MapGet("/evaluations/officers", Officers).WithSummary("Monthly evaluation per officer (month = YYYY-MM in Vietnam time), optionally for a unit subtree.");
        group.MapGet("/evaluations/units", Units).WithSummary("Monthly evaluation per unit, with the unit index.");
        group.MapGet("/dossiers/late", Late).WithSummary("Dossiers of the month completed after their due date or still open past it (for apology letters).");
        group.MapGet("/ratings/{id:long}", Results<Ok<RatingDetail>, NotFound> (long id, AppealStore appeals) =>
            appeals.Detail(id) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound()).WithSummary("A rating with its attribution, flags and appeals.");
        group.MapPost("/ratings/{id:long}/appeals", File).WithSummary("An officer contests a rating attributed to them, with a reason.");
        group.MapGet("/appeals", (AppealStore appeals, string? status) => TypedResults.Ok(appeals.List(status))).WithSummary("Appeals, optionally by status (open, accepted, rejected).");
        group.MapPost("/appeals/{id:long}/decision", Decide).WithSummary("Accept (the rating is flagged voided) or reject an appeal, with a reason.");
        return group;
    }

    private static Results<Ok<IReadOnlyList<OfficerReport>>, ValidationProblem> Officers(EvaluationQueries queries, string? month, string? unit)
    {
        if (!EvaluationQueries.TryParseMonth(month, out var m))
        {
            return MonthProblem();
        }
        var report = queries.Report(m);
        if (unit is null)
        {
            return TypedResults.Ok(report.Officers);
        }
        var subtree = queries.Subtree(m, unit);
        return TypedResults.Ok<IReadOnlyList<OfficerReport>>(report.Officers.Where(o => o.UnitId is not null && subtree.Contains(o.UnitId)).ToList());
    }

    private static Results<Ok<IReadOnlyList<UnitReport>>, ValidationProblem> Units(EvaluationQueries queries, string? month) =>
        EvaluationQueries.TryParseMonth(month, out var m) ? TypedResults.Ok(queries.Report(m).Units) : MonthProblem();

    private static Results<Ok<IReadOnlyList<LateDossier>>, ValidationProblem> Late(EvaluationQueries queries, string? month) =>
        EvaluationQueries.TryParseMonth(month, out var m) ? TypedResults.Ok(queries.Late(m)) : MonthProblem();

    private static Results<Created<AppealView>, NotFound, ValidationProblem> File(long id, AppealRequest request, AppealStore appeals, ClaimsPrincipal user)
    {
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

    private static Results<Ok<AppealView>, ValidationProblem> Decide(long id, DecisionRequest request, AppealStore appeals, ClaimsPrincipal user)
    {
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
