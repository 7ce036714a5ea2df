using System.Globalization;
using System.Text;

namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a BOM (Excel on Windows otherwise reads Vietnamese as mojibake). Header = column ids;
/// numbers in invariant culture with full precision, shares as 0–1 like the JSON API; null = empty field. Text that a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe:
/// names come from imports and forms, and rows stored before the importers refused such text may still hold it.
/// Numbers are never altered (a negative number stays a number).
/// </summary>
public static class CsvTable
{
    public static byte[] Write<T>(IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Quote(c.Id))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Quote(Field(c.Value(row))))).Append("\r\n");
        }
        var body = Encoding.UTF8.GetBytes(text.ToString().Normalize(NormalizationForm.FormC));
        return [.. Encoding.UTF8.Preamble, .. body];
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString() ?? ""),
    };

    private static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
