using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.Feedback.Server.Access;

/// <summary>Accounts and their API tokens, for admins: create, disable/enable, reset password, issue/revoke tokens.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Accounts").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", (UserStore users) => TypedResults.Ok(users.List())).WithSummary("Accounts with role, scope and state (never password hashes).");
        group.MapPost("/", Create).WithSummary("Create an account: role admin, leader, unit_head (with unitId) or officer (with officerId).");
        group.MapPost("/{id:long}/disable", (long id, UserStore users, ClaimsPrincipal user) => Found(users.SetDisabled(id, true, Actor(user))))
            .WithSummary("Disable an account: its sessions end and its tokens stop working.");
        group.MapPost("/{id:long}/enable", (long id, UserStore users, ClaimsPrincipal user) => Found(users.SetDisabled(id, false, Actor(user))))
            .WithSummary("Enable a disabled account again.");
        group.MapPost("/{id:long}/password", ResetPassword).WithSummary("Set a new password (ends the account's sessions and lockout).");
        group.MapGet("/{id:long}/tokens", (long id, ApiTokenStore tokens) => TypedResults.Ok(tokens.List(id))).WithSummary("The account's API tokens (never their values).");
        group.MapPost("/{id:long}/tokens", IssueToken).WithSummary("Issue an API token acting as the account (same role and scope); the value is shown only this once.");
        group.MapDelete("/{id:long}/tokens/{tokenId:long}", Results<NoContent, NotFound> (long id, long tokenId, ApiTokenStore tokens, ClaimsPrincipal user) =>
            tokens.Revoke(id, tokenId, Actor(user)) ? TypedResults.NoContent() : TypedResults.NotFound()).WithSummary("Revoke a token of the account.");
        return group;
    }

    private static Results<Created<UserView>, ValidationProblem> Create(UserRequest request, UserStore users, ClaimsPrincipal user)
    {
        var errors = users.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var created = users.Create(request, Actor(user));
        return TypedResults.Created($"/api/v1/users/{created.Id}", created);
    }

    private static Results<Ok<UserView>, NotFound, ValidationProblem> ResetPassword(long id, PasswordRequest request, UserStore users, ClaimsPrincipal user)
    {
        if (UserStore.PasswordProblem(request.Password) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [problem] });
        }
        return users.ResetPassword(id, request.Password!, Actor(user)) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound();
    }

    private static Results<Created<IssuedToken>, NotFound, ValidationProblem> IssueToken(long id, TokenRequest request, UserStore users, ApiTokenStore tokens, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["1–100 characters"] });
        }
        if (users.Find(id) is not { Disabled: false } account)
        {
            return TypedResults.NotFound();
        }
        var issued = tokens.IssueFor(account, request.Name.Trim(), Actor(user));
        return TypedResults.Created($"/api/v1/users/{id}/tokens/{issued.Id}", issued);
    }

    private static Results<Ok<UserView>, NotFound> Found(UserView? user) => user is null ? TypedResults.NotFound() : TypedResults.Ok(user);

    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
