using System.Text;
using OneStop.Feedback.Dashboard.Exports;

namespace OneStop.Feedback.Dashboard.Tests.Exports;

/// <summary>CSV cells a spreadsheet would run as formulas (CSV injection) are exported as text.</summary>
public class CsvTableTests
{
    private static readonly TableColumn<(string Name, double Score)>[] Columns =
    [
        new("name", ColumnKind.Text, r => r.Name),
        new("score", ColumnKind.Score, r => r.Score),
    ];

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("Phường 1 = 2", "Phường 1 = 2")]
    public void FormulaLikeTextGetsAnApostropheAndOtherTextIsUnchanged(string name, string expected)
    {
        var line = Lines([(name, 0.5)])[1];

        Assert.Equal(expected + ",0.5", line);
    }

    [Fact]
    public void NegativeNumbersStayNumbers()
    {
        Assert.Equal("x,-0.25", Lines([("x", -0.25)])[1]);
    }

    private static string[] Lines(IEnumerable<(string Name, double Score)> rows)
    {
        var bytes = CsvTable.Write(Columns, rows);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
