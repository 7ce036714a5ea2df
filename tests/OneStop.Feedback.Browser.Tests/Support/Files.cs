using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OneStop.Feedback.Browser.Tests.Support;

/// <summary>Reads back what the browser downloaded: image sizes, workbook rows.</summary>
public static class Files
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from the PNG's IHDR chunk; throws when the file is not a PNG.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(PngSignature))
        {
            throw new InvalidDataException(path + " is not a PNG");
        }
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>The root svg element's width and height attributes (pixels); throws when the file is not SVG.</summary>
    public static (double Width, double Height, XDocument Document) Svg(string path)
    {
        var document = XDocument.Load(path);
        var root = document.Root ?? throw new InvalidDataException(path + " is empty");
        if (root.Name.LocalName != "svg")
        {
            throw new InvalidDataException(path + " is not SVG");
        }
        static double Number(string? value) => double.Parse((value ?? "0").Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (Number(root.Attribute("width")?.Value), Number(root.Attribute("height")?.Value), document);
    }

    /// <summary>The first sheet's rows as text (shared strings resolved, numbers as stored).</summary>
    public static List<List<string>> XlsxRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    /// <summary>True when at least one cell of the first sheet is a number cell (typed, not text).</summary>
    public static bool XlsxHasNumberCells(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Cell>()
            .Any(c => (c.DataType is null || c.DataType.Value == CellValues.Number) && c.CellValue is not null);
    }
}
