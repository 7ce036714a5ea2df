namespace OneStop.Feedback.Server.CsvImport;

/// <summary>A file that is not valid CSV (or exceeds the importer's limits), with the line where it went wrong (0 = the whole file).</summary>
public sealed class CsvFormatException(int line, string message) : FormatException(line > 0 ? $"line {line}: {message}" : message)
{
    public int Line { get; } = line;
}
