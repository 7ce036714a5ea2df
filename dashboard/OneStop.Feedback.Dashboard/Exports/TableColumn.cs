namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>
/// One exported column. <paramref name="Id"/> is the stable English id (the JSON API's field name), used as the CSV
/// header so that scripts survive translations; the XLSX header shows the localised label of "Col_" + id, or of
/// <paramref name="Label"/> when the same id means different things in two tables (a unit's "name" is not "Họ và tên").
/// </summary>
public sealed record TableColumn<T>(string Id, ColumnKind Kind, Func<T, object?> Value, string? Label = null)
{
    /// <summary>The resource key of the XLSX header.</summary>
    public string LabelKey => "Col_" + (Label ?? Id);
}
