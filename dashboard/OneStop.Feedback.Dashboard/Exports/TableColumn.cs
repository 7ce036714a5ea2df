namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>
/// One exported column. <paramref name="Id"/> is the stable English id (the JSON API's field name), used as the CSV
/// header so that scripts survive translations; the XLSX header shows the localised label of "Col_" + id.
/// </summary>
public sealed record TableColumn<T>(string Id, ColumnKind Kind, Func<T, object?> Value);
