using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>The columns of the officer and unit exports, in the order of the monthly report.</summary>
public static class ExportTables
{
    public static readonly IReadOnlyList<TableColumn<OfficerReport>> Officers =
    [
        new("officerId", ColumnKind.Text, o => o.OfficerId),
        new("name", ColumnKind.Text, o => o.Name),
        new("unitId", ColumnKind.Text, o => o.UnitId),
        new("unitName", ColumnKind.Text, o => o.UnitName),
        new("rank", ColumnKind.Count, o => o.Rank),
        new("tier", ColumnKind.Text, o => o.Tier),
        new("tierLabel", ColumnKind.Text, o => o.TierLabel),
        new("ratings", ColumnKind.Count, o => o.Ratings),
        new("flagged", ColumnKind.Count, o => o.Flagged),
        new("satisfied", ColumnKind.Count, o => o.Satisfied),
        new("satisfiedShare", ColumnKind.Share, o => o.SatisfiedShare),
        new("wilsonLower", ColumnKind.Share, o => o.WilsonLower),
        new("bayesianShare", ColumnKind.Share, o => o.BayesianShare),
        new("happyIndex", ColumnKind.Score, o => o.HappyIndex),
        new("services", ColumnKind.Count, o => o.Services),
        new("responseRate", ColumnKind.Share, o => o.ResponseRate),
        new("sufficient", ColumnKind.Boolean, o => o.Sufficient),
    ];

    public static readonly IReadOnlyList<TableColumn<UnitReport>> Units =
    [
        new("unitId", ColumnKind.Text, u => u.UnitId),
        new("name", ColumnKind.Text, u => u.Name, "unitName"),
        new("parentId", ColumnKind.Text, u => u.ParentId),
        new("ratings", ColumnKind.Count, u => u.Ratings),
        new("flagged", ColumnKind.Count, u => u.Flagged),
        new("satisfied", ColumnKind.Count, u => u.Satisfied),
        new("satisfiedShare", ColumnKind.Share, u => u.SatisfiedShare),
        new("wilsonLower", ColumnKind.Share, u => u.WilsonLower),
        new("happyIndex", ColumnKind.Score, u => u.HappyIndex),
        new("services", ColumnKind.Count, u => u.Services),
        new("responseRate", ColumnKind.Share, u => u.ResponseRate),
        new("dossiersCompleted", ColumnKind.Count, u => u.DossiersCompleted),
        new("onTimeShare", ColumnKind.Share, u => u.OnTimeShare),
        new("lateDossiers", ColumnKind.Count, u => u.LateDossiers),
        new("unitIndex", ColumnKind.Score, u => u.UnitIndex),
    ];
}
