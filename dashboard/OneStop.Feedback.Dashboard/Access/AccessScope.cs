using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Access;

/// <summary>
/// What the current user may see: every unit and officer (admin, leader), a unit subtree and its officers (unit
/// head), or one officer (officer). Computed once per request by the host (the server's ScopeResolver) and used by
/// every page, chart, export, report and JSON API, so the rule lives in one place. An id outside the scope is
/// refused with 403 whether or not it exists (docs/access.md).
/// </summary>
public sealed record AccessScope(string? Role, string? Name, bool All, IReadOnlySet<string> Units, IReadOnlySet<string> Officers, string? OfficerId, string? UnitId)
{
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string UnitHead = "unit_head";
    public const string Officer = "officer";

    /// <summary>Nobody signed in: sees nothing.</summary>
    public static AccessScope None { get; } = new(null, null, false, new HashSet<string>(), new HashSet<string>(), null, null);

    /// <summary>An admin sees everything and may change things.</summary>
    public static AccessScope Everything(string role, string? name) => new(role, name, true, new HashSet<string>(), new HashSet<string>(), null, null);

    public bool IsAdmin => Role == Admin;

    /// <summary>Admin and leader: the whole organisation, including organisation-wide totals.</summary>
    public bool SeesAll => All;

    /// <summary>May see units (and unit comparisons) at all: everyone but an officer.</summary>
    public bool SeesUnits => All || Role == UnitHead;

    public bool SeesUnit(string unitId) => All || Units.Contains(unitId);

    public bool SeesOfficer(string officerId) => All || Officers.Contains(officerId);

    /// <summary>May decide appeals about this officer's ratings: admin, or the head of the officer's unit subtree.</summary>
    public bool DecidesFor(string officerId) => IsAdmin || (Role == UnitHead && Officers.Contains(officerId));

    public IReadOnlyList<UnitReport> Filter(IReadOnlyList<UnitReport> units) => All ? units : units.Where(u => Units.Contains(u.UnitId)).ToList();

    public IReadOnlyList<OfficerReport> Filter(IReadOnlyList<OfficerReport> officers) => All ? officers : officers.Where(o => Officers.Contains(o.OfficerId)).ToList();
}
