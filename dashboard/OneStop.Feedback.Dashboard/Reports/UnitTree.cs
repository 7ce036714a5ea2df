using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Reports;

/// <summary>Unit subtrees from a month's unit reports (each carries its parent), without going back to the store.</summary>
public static class UnitTree
{
    /// <summary>The unit and all its descendants among <paramref name="units"/>; empty when the unit is not there.</summary>
    public static IReadOnlySet<string> Subtree(IReadOnlyList<UnitReport> units, string unitId)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (units.All(u => u.UnitId != unitId))
        {
            return result;
        }
        var pending = new Queue<string>([unitId]);
        while (pending.TryDequeue(out var id))
        {
            if (result.Add(id))
            {
                foreach (var child in units.Where(u => u.ParentId == id))
                {
                    pending.Enqueue(child.UnitId);
                }
            }
        }
        return result;
    }
}
