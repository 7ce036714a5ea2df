namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>
/// The organisation tree as it stood during one period: the units whose validity overlaps the period, with their
/// parent links. Overlap (not "as of the last instant") is used so that a commune merged in the middle of a month
/// still reports the ratings of its last weeks; see docs/evaluation.md.
/// </summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, string[]> _ancestorsAndSelf = new(StringComparer.Ordinal);

    public OrganisationTree(IEnumerable<Unit> units, DateTimeOffset from, DateTimeOffset to)
    {
        _units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.IsValidDuring(from, to)).OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            // A duplicated id with overlapping validity is a data error; the first by id order wins, deterministically.
            _units.TryAdd(unit.Id, unit);
        }
    }

    /// <summary>The units of the period, ordered by id.</summary>
    public IEnumerable<Unit> Units => _units.Values.OrderBy(u => u.Id, StringComparer.Ordinal);

    public Unit? Find(string unitId) => _units.GetValueOrDefault(unitId);

    /// <summary>
    /// The unit and its ancestors within the period's tree, nearest first. A parent that is not valid in the
    /// period ends the chain; a cycle (bad data) is cut at the first repeat.
    /// </summary>
    public IReadOnlyList<string> AncestorsAndSelf(string unitId)
    {
        if (_ancestorsAndSelf.TryGetValue(unitId, out var cached))
        {
            return cached;
        }
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var unit = Find(unitId); unit is not null && seen.Add(unit.Id); unit = unit.ParentId is null ? null : Find(unit.ParentId))
        {
            chain.Add(unit.Id);
        }
        var result = chain.ToArray();
        _ancestorsAndSelf[unitId] = result;
        return result;
    }

    /// <summary>The unit and every unit below it in the period's tree, ordered by id.</summary>
    public IReadOnlyList<string> Subtree(string unitId) =>
        _units.Keys.Where(id => AncestorsAndSelf(id).Contains(unitId, StringComparer.Ordinal))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
}
