using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Reports;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Cookie sign-in for people: GET /login shows the form, POST /login checks it (antiforgery token, per-IP rate
/// limit, per-account lockout), POST /logout ends the session. Outcomes go to the audit log (UserStore.Login).
/// </summary>
public static class LoginApi
{
    public static RouteGroupBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Login").ExcludeFromDescription();
        group.MapGet("/login", Form).AllowAnonymous();
        group.MapPost("/login", Submit).AllowAnonymous().RequireRateLimiting(AccessExtensions.LoginRateLimit);
        group.MapPost("/logout", Logout).AllowAnonymous();
        return group;
    }

    private static IResult Form(HttpContext context, MonthlyReports reports, string? returnUrl)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return TypedResults.LocalRedirect(SafeReturn(returnUrl));
        }
        return Page(context, reports, null, null, returnUrl, StatusCodes.Status200OK);
    }

    private static async Task<IResult> Submit(
        HttpContext context, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, UserStore users, MonthlyReports reports)
    {
        var form = new LoginForm(username, password, returnUrl);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (string.IsNullOrWhiteSpace(form.Username) || string.IsNullOrEmpty(form.Password) || form.Username.Length > 64 || form.Password.Length > 200)
        {
            return Page(context, reports, "LoginFailed", form.Username, form.ReturnUrl, StatusCodes.Status400BadRequest);
        }
        var (outcome, user) = users.Login(form.Username, form.Password, client);
        switch (outcome)
        {
            case LoginOutcome.Success:
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccessClaims.For(user!, CookieAuthenticationDefaults.AuthenticationScheme));
                return TypedResults.LocalRedirect(SafeReturn(form.ReturnUrl));
            case LoginOutcome.Locked:
                return Page(context, reports, "LoginLocked", form.Username, form.ReturnUrl, StatusCodes.Status423Locked);
            default:
                return Page(context, reports, "LoginFailed", form.Username, form.ReturnUrl, StatusCodes.Status401Unauthorized);
        }
    }

    private static async Task<IResult> Logout(HttpContext context, UserStore users, IAntiforgery antiforgery)
    {
        // No form field is bound here, so the antiforgery check is explicit.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }
        var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (result.Succeeded && result.Principal.Identity?.Name is { } name)
        {
            users.LoggedOut(name);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/login");
    }

    private static RazorComponentResult<LoginPage> Page(HttpContext context, MonthlyReports reports, string? error, string? username, string? returnUrl, int status)
    {
        var text = PageLanguage.Resolve(context);
        context.Response.StatusCode = status;
        return new RazorComponentResult<LoginPage>(new { Text = text, Month = reports.Current, Error = error, Username = username, ReturnUrl = returnUrl })
        {
            StatusCode = status,
        };
    }

    /// <summary>Only a path on this site (not "//host" or "/\host"), so the form cannot be used to send people elsewhere.</summary>
    internal static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}

/// <summary>The login form's fields.</summary>
public sealed record LoginForm(string? Username, string? Password, string? ReturnUrl);
