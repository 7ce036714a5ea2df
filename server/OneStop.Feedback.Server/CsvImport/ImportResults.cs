namespace OneStop.Feedback.Server.CsvImport;

/// <summary>A problem with one input row: its line in the file (or index in a JSON array, from 1), the field and why.</summary>
public sealed record RowError(int Row, string Field, string Message);

/// <summary>Answer of an import: how many rows were imported, or (and then none was) the errors of every row.</summary>
public sealed record ImportResponse(int Imported, IReadOnlyList<RowError> Errors);
