namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>How a column's values are typed in a workbook and written in CSV.</summary>
public enum ColumnKind
{
    Text,
    Count,

    /// <summary>A 0–1 share: a number formatted as a percentage in XLSX, the plain decimal in CSV.</summary>
    Share,

    /// <summary>A 0–100 score with one decimal.</summary>
    Score,
    Boolean,
}
