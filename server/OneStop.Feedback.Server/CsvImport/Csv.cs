using System.Text;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// RFC 4180 CSV reader: comma separated, double-quoted fields with "" escapes, CRLF or LF line ends, an
/// optional UTF-8 BOM (Excel writes one). Returns the header and the records with their 1-based line numbers.
/// </summary>
public static class Csv
{
    public sealed record Table(string[] Header, IReadOnlyList<(int Line, string[] Fields)> Rows);

    /// <summary>Parses the whole text; throws <see cref="FormatException"/> with the line for malformed quoting.</summary>
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
                        throw new FormatException($"line {line}: text after a closing quote");
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
            throw new FormatException($"line {recordLine}: a quoted field is not closed");
        }
        EndRecord();
        if (records.Count == 0)
        {
            throw new FormatException("the file is empty: a header line is required");
        }
        var header = records[0].Item2.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return new Table(header, records.Skip(1).ToList());

        void EndRecord()
        {
            if (anything || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add((recordLine, fields.ToArray()));
            }
            fields.Clear();
            field.Clear();
            anything = false;
        }
    }
}
