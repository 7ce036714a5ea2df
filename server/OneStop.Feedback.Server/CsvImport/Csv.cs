using System.Text;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// RFC 4180 CSV reader: comma separated, double-quoted fields with "" escapes, CRLF or LF line ends, an
/// optional UTF-8 BOM (Excel writes one). Returns the header and the records with their 1-based line numbers.
/// Record and field counts are bounded, so that a 10 MiB file of commas or empty-ish lines cannot make the server
/// hold millions of rows (and report millions of errors).
/// </summary>
public static class Csv
{
    /// <summary>Most data records in one import (a day of a large office's service events is a few thousand).</summary>
    public const int MaxRows = 50_000;

    /// <summary>Most fields in one record (the widest import has 7 columns).</summary>
    public const int MaxFields = 64;

    public sealed record Table(string[] Header, IReadOnlyList<(int Line, string[] Fields)> Rows);

    /// <summary>Parses the whole text; throws <see cref="CsvFormatException"/> with the line for malformed quoting or a file over the limits.</summary>
    public static Table Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var quoted = false;
        var anything = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new CsvFormatException(line, "text after a closing quote (write a quote inside a quoted field as \"\")");
                    }
                    continue;
                }
                if (c == '\n')
                {
                    line++;
                }
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    anything = true;
                    break;
                case ',':
                    if (fields.Count >= MaxFields - 1)
                    {
                        throw new CsvFormatException(recordLine, $"more than {MaxFields} fields");
                    }
                    fields.Add(field.ToString());
                    field.Clear();
                    anything = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    anything = true;
                    break;
            }
            i++;
        }
        if (quoted)
        {
            throw new CsvFormatException(recordLine, "a quoted field is not closed");
        }
        EndRecord();
        if (records.Count == 0)
        {
            throw new CsvFormatException(0, "the file is empty: a header line is required");
        }
        var header = records[0].Item2.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return new Table(header, records.Skip(1).ToList());

        void EndRecord()
        {
            if (anything || field.Length > 0)
            {
                if (records.Count > MaxRows)
                {
                    throw new CsvFormatException(recordLine, $"more than {MaxRows} rows; split the file");
                }
                fields.Add(field.ToString());
                records.Add((recordLine, fields.ToArray()));
            }
            fields.Clear();
            field.Clear();
            anything = false;
        }
    }
}
