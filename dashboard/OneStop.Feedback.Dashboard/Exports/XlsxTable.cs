using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OneStop.Feedback.Dashboard.Text;

namespace OneStop.Feedback.Dashboard.Exports;

/// <summary>
/// A one-sheet workbook: a bold, frozen, filterable header row of localised labels, then typed cells (numbers are
/// numbers, shares are numbers formatted as percentages) so that people can sort and compute on them.
/// </summary>
public static class XlsxTable
{
    // Style indexes into the stylesheet built below.
    private const uint Header = 1, Share = 2, Score = 3;

    public static byte[] Write<T>(string sheetName, IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows, DashboardText text)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, columns.Select(c => TextCell(text[c.LabelKey], Header))));
            for (var i = 0; i < rows.Count; i++)
            {
                data.Append(Row((uint)i + 2, columns.Select(c => ValueCell(c.Kind, c.Value(rows[i]), text))));
            }
            var lastCell = ColumnName(columns.Count) + (rows.Count + 1);
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { TabSelected = true, WorkbookViewId = 0 }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(c, text), CustomWidth = true })),
                data,
                new AutoFilter { Reference = "A1:" + lastCell });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    /// <summary>Wide enough for the header label; text columns a little wider for names.</summary>
    private static double Width<T>(TableColumn<T> column, DashboardText text) =>
        Math.Clamp(text[column.LabelKey].Length + 2, column.Kind == ColumnKind.Text ? 16 : 10, 40);

    private static Row Row(uint index, IEnumerable<Cell> cells) => new(cells) { RowIndex = index };

    private static Cell TextCell(string value, uint style = 0) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value.Normalize(NormalizationForm.FormC))))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell ValueCell(ColumnKind kind, object? value, DashboardText text) => value switch
    {
        null => new Cell(),
        bool b => TextCell(b ? text["Yes"] : text["No"]),
        int i => new Cell(new CellValue(i)) { DataType = CellValues.Number },
        double d => new Cell(new CellValue(d)) { DataType = CellValues.Number, StyleIndex = kind == ColumnKind.Share ? Share : Score },
        _ => TextCell(value.ToString() ?? ""),
    };

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Style 0 default, 1 bold header, 2 percentage with one decimal, 3 number with one decimal.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" }) { Count = 2 },
        new DocumentFormat.OpenXml.Spreadsheet.Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true })
        { Count = 4 });
}
