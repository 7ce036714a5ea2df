using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// Reads a CSV request body (text/csv, UTF-8, at most 10 MiB) and maps its rows by header name. Everything wrong
/// with the file itself (size, encoding, quoting, limits, header) is one error that says where; a row with more or
/// fewer fields than the header is an error of that row (an unquoted comma in a name would otherwise shift the
/// columns silently).
/// </summary>
public static class CsvRequest
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Errors listed in one answer; the rest are counted in a last entry (the import is refused either way).</summary>
    public const int MaxListedErrors = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static async Task<(Csv.Table? Table, RowError? Error)> ReadAsync(HttpRequest request, string[] required, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        var body = await ReadBoundedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge());
        }
        if (Decode(body, out var text) is { } encodingError)
        {
            return (null, encodingError);
        }
        Csv.Table table;
        try
        {
            table = Csv.Parse(text);
        }
        catch (CsvFormatException ex)
        {
            return (null, new RowError(ex.Line, "file", ex.Message));
        }
        var missing = required.Where(c => Array.IndexOf(table.Header, c) < 0).ToArray();
        if (missing.Length > 0)
        {
            return (null, new RowError(1, "header", $"missing column(s): {string.Join(", ", missing.Select(FreeText.Show))}; expected {string.Join(",", required)}"));
        }
        var twice = table.Header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is not null
            ? (null, new RowError(1, "header", $"column '{FreeText.Show(twice.Key)}' appears twice"))
            : (table, null);
    }

    /// <summary>The value of a named column in a row, trimmed; null when empty or absent.</summary>
    public static string? Get(Csv.Table table, string[] fields, string column)
    {
        var index = Array.IndexOf(table.Header, column);
        return index >= 0 && index < fields.Length && fields[index].Trim() is { Length: > 0 } value ? value : null;
    }

    /// <summary>One error per row whose number of fields differs from the header's.</summary>
    public static List<RowError> WrongWidth(Csv.Table table) =>
        table.Rows.Where(r => r.Fields.Length != table.Header.Length)
            .Select(r => new RowError(r.Line, "row", $"{r.Fields.Length} field(s), the header has {table.Header.Length} (quote a value that contains a comma)"))
            .ToList();

    public static IResult Problem(RowError error) => TypedResults.BadRequest(new ImportResponse(0, [error]));

    /// <summary>The answer to a refused import: the errors by row, at most <see cref="MaxListedErrors"/> of them listed.</summary>
    public static IResult Refused(IEnumerable<RowError> errors)
    {
        var all = errors.OrderBy(e => e.Row).ToList();
        if (all.Count > MaxListedErrors)
        {
            var rows = all.Select(e => e.Row).Distinct().Count();
            all = [.. all.Take(MaxListedErrors), new RowError(0, "file", $"{all.Count - MaxListedErrors} more error(s) not listed; {all.Count} in {rows} row(s) in all")];
        }
        return TypedResults.BadRequest(new ImportResponse(0, all));
    }

    private static RowError TooLarge() => new(0, "file", $"larger than {MaxBytes / 1024 / 1024} MiB");

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBytes"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>UTF-8 with or without its BOM; anything else is refused with the line of the first bad byte.</summary>
    private static RowError? Decode(byte[] body, out string text)
    {
        text = "";
        ReadOnlySpan<byte> bytes = body;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new RowError(0, "file", "UTF-16 or UTF-32 text (save the CSV as UTF-8)");
        }
        if (!Utf8.IsValid(bytes))
        {
            var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
            try
            {
                Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
                var line = bytes[..valid].Count((byte)'\n') + 1;
                return new RowError(line, "file", $"line {line}: not UTF-8 text (byte {valid + 1}; save the CSV as UTF-8)");
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        text = StrictUtf8.GetString(bytes);
        return null;
    }
}
