using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Authenticates machine clients by <c>Authorization: Bearer &lt;token&gt;</c> against the token store. A token
/// bound to an account acts as that account (role and scope) and stops working when the account is disabled.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenStore tokens, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 512 || tokens.Resolve(token) is not { } found)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked token"));
        }
        ClaimsPrincipal principal;
        if (found.UserId is { } userId)
        {
            if (users.Find(userId) is not { Disabled: false } user)
            {
                return Task.FromResult(AuthenticateResult.Fail("The token's account is disabled"));
            }
            principal = AccessClaims.For(user, SchemeName);
        }
        else
        {
            principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-token"), new Claim(ClaimTypes.Role, found.Role)], SchemeName));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
