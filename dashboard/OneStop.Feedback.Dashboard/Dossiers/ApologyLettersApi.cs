using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Printing;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>
/// Apology letters for late dossiers: the PDF, the letter's variable parts, "sent" (who and when), and the page that
/// lists a month's late dossiers with those actions as plain HTML forms. Roles that see units (admin, leader, unit
/// head) see the late dossiers of their units and print the letters; admin and unit heads also record them (the leader
/// reads only); a dossier outside the caller's scope is refused with 403
/// as an unknown one is, so the answer does not tell whether it exists (admin and leader get 404 for unknown).
/// </summary>
public static class ApologyLettersApi
{
    public static RouteGroupBuilder MapApologyLetters(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/dossiers/{code}").WithTags("Dashboard").RequireAuthorization();
        api.MapGet("/apology-letter", Letter).WithSummary("The apology letter of a late dossier as PDF (A4); lang=en for English.");
        api.MapPut("/apology", Save).WithSummary("Record the applicant's name, the new return date and the reason printed on the apology letter.");
        api.MapPost("/apology-letter/sent", Sent).WithSummary("Record that the apology letter was sent (who and when).");

        var pages = app.MapGroup("/dossiers/late").WithTags("Dashboard pages").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", Page);
        pages.MapPost("/{code}", SaveForm);
        pages.MapPost("/{code}/sent", SentForm);
        return api;
    }

    private static Results<FileContentHttpResult, NotFound, ForbidHttpResult> Letter(
        string code, string? lang, HttpContext context, AccessScopes scopes, IApologyLetters letters, TimeProvider time)
    {
        var (dossier, forbidden) = Visible(code, context, scopes, letters);
        if (dossier is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        return TypedResults.File(ApologyLetterPdf.Write(dossier, VietnamTime.DayOf(time.GetUtcNow()), DashboardText.For(lang)), "application/pdf", $"apology-letter-{code}.pdf");
    }

    private static Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem> Save(
        string code, ApologyDraft draft, HttpContext context, AccessScopes scopes, IApologyLetters letters, TimeProvider time)
    {
        var (dossier, forbidden) = Visible(code, context, scopes, letters, write: true);
        if (dossier is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        var errors = draft.Validate(dossier, VietnamTime.DayOf(dossier.Due));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        letters.Save(code, Trimmed(draft), Who(context), time.GetUtcNow());
        return TypedResults.NoContent();
    }

    private static Results<NoContent, NotFound, ForbidHttpResult> Sent(string code, HttpContext context, AccessScopes scopes, IApologyLetters letters, TimeProvider time)
    {
        var (dossier, forbidden) = Visible(code, context, scopes, letters, write: true);
        if (dossier is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        letters.MarkSent(code, Who(context), time.GetUtcNow());
        return TypedResults.NoContent();
    }

    /// <summary>The late dossier when the caller may see it; else 404 (whole-organisation roles) or 403 (everyone else).</summary>
    private static (LateDossierEntry? Dossier, bool Forbidden) Visible(string code, HttpContext context, AccessScopes scopes, IApologyLetters letters, bool write = false)
    {
        var scope = scopes.For(context);
        if (!scope.SeesUnits || (write && !Records(scope)))
        {
            return (null, true);
        }
        var dossier = letters.Find(code);
        if (dossier is not null && (dossier.UnitId is { } unit ? scope.SeesUnit(unit) : scope.SeesAll))
        {
            return (dossier, false);
        }
        return (null, !scope.SeesAll);
    }

    /// <summary>Who may record a letter's parts and its sending: admin and unit heads (the leader reads only).</summary>
    internal static bool Records(AccessScope scope) => scope.IsAdmin || scope.Role == AccessScope.UnitHead;

    /// <summary>Dossiers per page: a busy centre has hundreds of late dossiers in a month.</summary>
    public const int PageSize = 25;

    private static Results<RazorComponentResult<LateDossiersPage>, RazorComponentResult<NotFoundPage>, RazorComponentResult<ForbiddenPage>> Page(
        HttpContext context, string? month, string? invalid, string? code, bool? unsent, int? page, IApologyLetters letters, MonthlyReports reports, AccessScopes scopes)
    {
        var text = PageLanguage.Resolve(context);
        var scope = scopes.For(context);
        if (!scope.SeesUnits)
        {
            return DashboardPages.Forbidden(context, text, reports.Current);
        }
        var m = reports.Current;
        if (!string.IsNullOrEmpty(month) && !MonthText.TryParse(month, out m))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return new RazorComponentResult<NotFoundPage>(new { Text = text, Month = reports.Current }) { StatusCode = StatusCodes.Status404NotFound };
        }
        var all = letters.Late(m).Where(d => d.UnitId is { } unit ? scope.SeesUnit(unit) : scope.SeesAll).ToList();
        code = code?.Trim();
        var matching = all.Where(d => string.IsNullOrEmpty(code) || d.Code.Contains(code, StringComparison.OrdinalIgnoreCase))
            .Where(d => unsent != true || d.Apology?.SentAt is null).ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        return new RazorComponentResult<LateDossiersPage>(new
        {
            Text = text,
            Month = m,
            Dossiers = matching.Skip((current - 1) * PageSize).Take(PageSize).ToList(),
            Total = all.Count,
            Unsent = all.Count(d => d.Apology?.SentAt is null),
            Matching = matching.Count,
            Filter = new LateDossierFilter(code, unsent == true, current, pages),
            Invalid = invalid,
            CanRecord = Records(scope),
        });
    }

    /// <summary>The page's form: stores the draft and goes back to the list (303, so a reload does not post again).</summary>
    private static async Task<IResult> SaveForm(string code, HttpContext context, AccessScopes scopes, IApologyLetters letters, IAntiforgery antiforgery, TimeProvider time)
    {
        var (dossier, forbidden) = Visible(code, context, scopes, letters, write: true);
        if (dossier is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        // The form is read by hand (no bound form parameter), so the antiforgery check is explicit.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        DateOnly? newDue = null;
        var dueText = form["newDue"].ToString();
        if (dueText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return Back(form["month"], code, invalid: true);
            }
            newDue = parsed;
        }
        var draft = Trimmed(new ApologyDraft(form["citizenName"], newDue, form["reason"]));
        if (draft.Validate(dossier, VietnamTime.DayOf(dossier.Due)).Count > 0)
        {
            return Back(form["month"], code, invalid: true);
        }
        letters.Save(code, draft, Who(context), time.GetUtcNow());
        return Back(form["month"], code);
    }

    private static async Task<IResult> SentForm(string code, HttpContext context, AccessScopes scopes, IApologyLetters letters, IAntiforgery antiforgery, TimeProvider time)
    {
        var (dossier, forbidden) = Visible(code, context, scopes, letters, write: true);
        if (dossier is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        letters.MarkSent(code, Who(context), time.GetUtcNow());
        return Back(form["month"], code);
    }

    /// <summary>Back to the dossier (found by its code); <paramref name="invalid"/> makes the page show the dossier's error.</summary>
    private static SeeOther Back(string? month, string code, bool invalid = false)
    {
        var escaped = Uri.EscapeDataString(code);
        return new($"/dossiers/late?month={(MonthText.TryParse(month, out var m) ? m.ToString() : "")}&code={escaped}{(invalid ? "&invalid=" + escaped : "")}#dossier-{escaped}");
    }

    private static ApologyDraft Trimmed(ApologyDraft d) =>
        new(d.CitizenName?.Trim() is { Length: > 0 } n ? n : null, d.NewDue, d.Reason?.Trim() is { Length: > 0 } r ? r : null);

    private static string Who(HttpContext context) => context.User.Identity?.Name ?? "?";

    /// <summary>303 See Other: after a form POST the browser follows with GET.</summary>
    private sealed class SeeOther(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
