using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Reports;

namespace OneStop.Feedback.Server.Access;

/// <summary>The admin page for accounts: list, create, disable/enable, reset password (forms with antiforgery tokens).</summary>
public static class UserPages
{
    public static RouteGroupBuilder MapUserPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/users").WithTags("Dashboard pages").RequireAuthorization(AccessPolicies.Admin).RequireAntiforgeryToken().ExcludeFromDescription();
        group.MapGet("/", (HttpContext context, UserStore users, MonthlyReports reports) => Page(context, users, reports, null));
        group.MapPost("/", Create);
        group.MapPost("/{id:long}/disable", (long id, HttpContext context, UserStore users) => Done(users.SetDisabled(id, true, UsersApi.Actor(context.User))));
        group.MapPost("/{id:long}/enable", (long id, HttpContext context, UserStore users) => Done(users.SetDisabled(id, false, UsersApi.Actor(context.User))));
        group.MapPost("/{id:long}/password", ResetPassword);
        return group;
    }

    private static IResult Create(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? role, [FromForm] string? unitId, [FromForm] string? officerId,
        HttpContext context, UserStore users, MonthlyReports reports)
    {
        var request = new UserRequest(username, password, role, Blank(unitId), Blank(officerId), null);
        var errors = users.Validate(request);
        if (errors.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(context, users, reports, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}.")));
        }
        users.Create(request, UsersApi.Actor(context.User));
        return TypedResults.LocalRedirect("/admin/users");
    }

    private static IResult ResetPassword(long id, [FromForm] string? password, HttpContext context, UserStore users, MonthlyReports reports)
    {
        if (UserStore.PasswordProblem(password) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(context, users, reports, "password: " + problem);
        }
        return Done(users.ResetPassword(id, password!, UsersApi.Actor(context.User)));
    }

    private static IResult Done(UserView? changed) => changed is null ? TypedResults.NotFound() : TypedResults.LocalRedirect("/admin/users");

    private static RazorComponentResult<UsersPage> Page(HttpContext context, UserStore users, MonthlyReports reports, string? error)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = users.List().Select(u => new UserRow(u.Id, u.Username, u.DisplayName, u.Role, u.UnitId ?? u.OfficerId, u.Disabled, u.LockedUntil > now)).ToList();
        return new RazorComponentResult<UsersPage>(new { Text = PageLanguage.Resolve(context), Month = reports.Current, Users = rows, Error = error })
        {
            StatusCode = context.Response.StatusCode,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
