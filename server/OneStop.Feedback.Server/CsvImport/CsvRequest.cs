using System.Text;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>Reads a CSV request body (text/csv, at most 10 MiB) and maps its rows by header name.</summary>
public static class CsvRequest
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static async Task<(Csv.Table? Table, RowError? Error)> ReadAsync(HttpRequest request, string[] required, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, new RowError(0, "file", $"larger than {MaxBytes / 1024 / 1024} MiB"));
        }
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return (null, new RowError(0, "file", "not UTF-8 text (save the CSV as UTF-8)"));
        }
        if (text.Length > MaxBytes)
        {
            return (null, new RowError(0, "file", $"larger than {MaxBytes / 1024 / 1024} MiB"));
        }
        Csv.Table table;
        try
        {
            table = Csv.Parse(text);
        }
        catch (FormatException ex)
        {
            return (null, new RowError(0, "file", ex.Message));
        }
        var missing = required.Where(c => Array.IndexOf(table.Header, c) < 0).ToArray();
        return missing.Length > 0
            ? (null, new RowError(1, "header", $"missing column(s): {string.Join(", ", missing)}; expected {string.Join(",", required)}"))
            : (table, null);
    }

    /// <summary>The value of a named column in a row, trimmed; null when empty or absent.</summary>
    public static string? Get(Csv.Table table, string[] fields, string column)
    {
        var index = Array.IndexOf(table.Header, column);
        return index >= 0 && index < fields.Length && fields[index].Trim() is { Length: > 0 } value ? value : null;
    }

    public static IResult Problem(RowError error) => TypedResults.BadRequest(new ImportResponse(0, [error]));
}
