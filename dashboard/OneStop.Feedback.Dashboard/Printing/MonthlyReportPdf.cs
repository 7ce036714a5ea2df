using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Printing;

/// <summary>
/// The monthly report as PDF: cover, units table with the units-satisfaction and distribution charts, officers table (ranked first,
/// then "chưa đủ dữ liệu"), and notes on how the numbers are made. Pass a report already limited to a subtree.
/// </summary>
public static class MonthlyReportPdf
{
    public static byte[] Write(MonthlyReport report, string? scope, DateOnly preparedOn, DashboardText text)
    {
        using var output = new MemoryStream();
        using (var pdf = new PdfComposer(output, text["ReportTitle"] + " — " + text.MonthLong(report.Month), page => text.Format("PageNumber", page)))
        {
            Cover(pdf, report, scope, preparedOn, text);
            pdf.NewPage();
            pdf.Line(text["ReportUnits"], 13, bold: true);
            pdf.Table(
                [new(text["Col_unitName"], 3.2f), new(text["Col_ratings"], 1.2f, true), new(text["Col_satisfiedShare"], 1.3f, true),
                 new(text["Col_onTimeShare"], 1.3f, true), new(text["Col_responseRate"], 1.3f, true), new(text["Col_unitIndex"], 1.2f, true)],
                report.Units.Select(u => (IReadOnlyList<string>)[u.Name, text.Number(u.Ratings), Share(u.SatisfiedShare, text), Share(u.OnTimeShare, text), Share(u.ResponseRate, text), u.UnitIndex is null ? Dash : text.Score(u.UnitIndex)]));
            var chart = UnitsSatisfactionChart.Create(report.Month, report.Units, text);
            pdf.Chart(chart, 900, 450);
            pdf.Chart(ChartCatalog.RootsDistribution(report, text), 900, 450);
            pdf.NewPage();
            pdf.Line(text["ReportOfficers"], 13, bold: true);
            var officers = report.Officers.OrderBy(o => o.UnitName, StringComparer.Create(text.Culture, false)).ThenBy(o => o.Rank ?? int.MaxValue).ThenBy(o => o.Name, StringComparer.Create(text.Culture, false));
            pdf.Table(
                [new(text["Col_rank"], 0.7f, true), new(text["Col_name"], 2.4f), new(text["Col_unitName"], 2.2f), new(text["Col_ratings"], 1f, true),
                 new(text["Col_satisfiedShare"], 1.2f, true), new(text["Col_wilsonLower"], 1.2f, true), new(text["Col_tierLabel"], 2.6f)],
                officers.Select(o => (IReadOnlyList<string>)
                [
                    o.Rank is { } r ? text.Number(r) : "–", o.Name ?? o.OfficerId, o.UnitName ?? "", text.Number(o.Ratings),
                    o.Sufficient ? text.Percent(o.SatisfiedShare) : "–", o.Sufficient ? text.Percent(o.WilsonLower) : "–",
                    o.Sufficient ? o.TierLabel : text["InsufficientData"],
                ]));
            pdf.Line(text["ReportNotes"], 13, bold: true);
            foreach (var note in new[] { "ReportNote1", "ReportNote2", "ReportNote3", "ReportNote4", "ReportNote5" })
            {
                pdf.Paragraph("• " + text[note]);
            }
            pdf.Close();
        }
        return output.ToArray();
    }

    /// <summary>Table cells are narrow: an undefined value is a dash here ("chưa có dữ liệu" would be cut).</summary>
    private const string Dash = "–";

    private static string Share(double? value, DashboardText text) => value is null ? Dash : text.Percent(value);

    private static void Cover(PdfComposer pdf, MonthlyReport report, string? scope, DateOnly preparedOn, DashboardText text)
    {
        pdf.NewPage();
        pdf.Space(200);
        pdf.Line(text["ReportTitle"], 18, bold: true, centre: true);
        pdf.Line(text["ReportSubtitle"], 12, centre: true);
        pdf.Space(20);
        pdf.Line(text.MonthLong(report.Month), 16, bold: true, centre: true);
        pdf.Space(20);
        pdf.Line(text.Format("ReportScope", scope ?? text["ReportScopeAll"]), 12, centre: true);
        pdf.Line(text.Format("ReportGenerated", preparedOn.ToString("dd/MM/yyyy", text.Culture)), 11, centre: true);
    }
}
