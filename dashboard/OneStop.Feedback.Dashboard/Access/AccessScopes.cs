using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace OneStop.Feedback.Dashboard.Access;

/// <summary>
/// The dashboard's door to access rules: the host says how to compute a user's scope (like <see cref="Reports.MonthlyReports"/>
/// for data), so the dashboard does not depend on the server's account and organisation stores. The scope is
/// computed once per request and kept in <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class AccessScopes(Func<ClaimsPrincipal, AccessScope> resolve)
{
    private static readonly object Key = new();

    public AccessScope For(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached) && cached is AccessScope scope)
        {
            return scope;
        }
        scope = resolve(context.User);
        context.Items[Key] = scope;
        return scope;
    }
}
