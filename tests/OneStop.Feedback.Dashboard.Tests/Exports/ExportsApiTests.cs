using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OneStop.Feedback.Dashboard.Tests.Support;

namespace OneStop.Feedback.Dashboard.Tests.Exports;

/// <summary>GET /api/v1/exports/{officers|units}: CSV with BOM and id headers, XLSX read back with the OpenXML SDK.</summary>
public class ExportsApiTests
{
    [Fact]
    public async Task OfficersCsvIsUtf8WithBomIdHeaderAndInvariantNumbers()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync("/api/v1/exports/officers?month=2026-11&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("officers-2026-11.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("officerId,name,unitId,unitName,rank,tier,tierLabel,ratings,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("CB-1,Nguyễn Văn An,P-BD,Phường Ba Đình,1,A,Hoàn thành tốt nhiệm vụ,140,2,", lines[1], StringComparison.Ordinal);
        Assert.Matches(",0\\.8(70*\\d?|69+\\d?),", lines[1]); // satisfiedShare 0.93 − 0.06 in full precision, with a decimal point
        Assert.EndsWith(",true", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("CB-4,Phạm Quốc Việt,X-DA,Xã Đông Anh,,,Chưa đủ dữ liệu,", lines[4], StringComparison.Ordinal); // no rank, no tier
    }

    [Fact]
    public async Task UnitsXlsxIsAWorkbookWithFrozenLocalisedHeaderAndTypedCells()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync("/api/v1/exports/units?month=2026-11&format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Artifacts.Save("units-2026-11.xlsx", bytes);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Đơn vị", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("Mã đơn vị", CellText(rows[0], 0));
        Assert.Equal("Tỷ lệ hài lòng", CellText(rows[0], 6));
        var ward = rows[2].Elements<Cell>().ToList();
        Assert.Equal("Phường Ba Đình", ward[1].InnerText);
        Assert.Equal(CellValues.Number, ward[3].DataType!.Value);
        Assert.Equal("260", ward[3].CellValue!.Text);
        Assert.Equal(0.85, double.Parse(ward[6].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(2u, ward[6].StyleIndex!.Value); // the percentage style
        Assert.Null(rows[4].Elements<Cell>().ElementAt(6).CellValue); // Hoàn Kiếm had no ratings: empty, not 0
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("A2", PaneStateValues.Frozen), (pane.TopLeftCell!.Value, pane.State!.Value));
    }

    [Fact]
    public async Task OfficersOfAUnitSubtreeOnlyAndEnglishHeaderOnRequest()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var bytes = await app.Client.GetByteArrayAsync("/api/v1/exports/officers?month=2026-11&format=xlsx&unit=X-DA&lang=en");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal("Officer id", CellText(rows[0], 0));
        Assert.Equal(["CB-3", "CB-4"], rows.Skip(1).Select(r => CellText(r, 0)));
    }

    [Theory]
    [InlineData("/api/v1/exports/officers?format=csv", "month")]
    [InlineData("/api/v1/exports/units?month=2026-11&format=pdf", "format")]
    [InlineData("/api/v1/exports/units?month=2026-11", "format")]
    public async Task BadParametersAreProblemDetails(string url, string field)
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string CellText(Row row, int column) => row.Elements<Cell>().ElementAt(column).InnerText;
}
