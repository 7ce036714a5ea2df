using System.Globalization;
using System.Security.Claims;

namespace OneStop.Feedback.Server.Access;

/// <summary>The claims of a signed-in account: who, which role, the scope's anchor (unit or officer) and the account's stamp.</summary>
public static class AccessClaims
{
    public const string UserId = "osf:user";
    public const string UnitId = "osf:unit";
    public const string OfficerId = "osf:officer";
    public const string Stamp = "osf:stamp";

    public static ClaimsPrincipal For(UserView user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Username),
            new(ClaimTypes.Role, user.Role),
            new(UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(Stamp, user.Stamp),
        };
        if (user.UnitId is not null)
        {
            claims.Add(new Claim(UnitId, user.UnitId));
        }
        if (user.OfficerId is not null)
        {
            claims.Add(new Claim(OfficerId, user.OfficerId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static long? UserIdOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
