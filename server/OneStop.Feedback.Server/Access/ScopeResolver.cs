using System.Security.Claims;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Server.Organisation;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// The one place that turns a signed-in user into what they may see: admin and leader everything, a unit head
/// their unit's subtree (every unit ever under it in the organisation tree) and the officers of those units, an
/// officer only themselves. Read from the store on each request, so a moved officer or a new unit counts at once.
/// </summary>
public sealed class ScopeResolver(OrganisationStore organisation)
{
    public AccessScope Resolve(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.None;
        }
        var name = user.Identity.Name;
        var role = user.FindFirstValue(ClaimTypes.Role);
        switch (role)
        {
            case Roles.Admin:
            case Roles.Leader:
                return AccessScope.Everything(role, name);
            case Roles.UnitHead when user.FindFirstValue(AccessClaims.UnitId) is { } unit:
                var units = Subtree(organisation.Units(), unit);
                var officers = organisation.Officers().Where(o => units.Contains(o.UnitId)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                return new AccessScope(role, name, false, units, officers, null, unit);
            case Roles.Officer when user.FindFirstValue(AccessClaims.OfficerId) is { } officer:
                return new AccessScope(role, name, false, new HashSet<string>(), new HashSet<string>(StringComparer.Ordinal) { officer }, officer, null);
            default:
                return AccessScope.None;
        }
    }

    /// <summary>The unit and every unit below it (over all validity periods); empty for an unknown unit.</summary>
    public static HashSet<string> Subtree(IReadOnlyList<UnitRecord> units, string root)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (units.All(u => u.Id != root))
        {
            return result;
        }
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var id))
        {
            if (result.Add(id))
            {
                foreach (var child in units.Where(u => u.ParentId == id))
                {
                    pending.Enqueue(child.Id);
                }
            }
        }
        return result;
    }
}
