using OneStop.Feedback.Dashboard.Dossiers;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Printing;

/// <summary>
/// "Phiếu xin lỗi và hẹn lại ngày trả kết quả": one A4 page per late dossier, laid out like an official letter
/// (issuing office and national motto, title, addressee, the dossier's facts, signature block). Parts the office has
/// not recorded yet (applicant, new date, reason) are dotted lines to fill in by hand.
/// </summary>
public static class ApologyLetterPdf
{
    public static byte[] Write(LateDossierEntry dossier, DateOnly preparedOn, DashboardText text)
    {
        using var output = new MemoryStream();
        using (var pdf = new PdfComposer(output, text["ApologyTitle"] + " — " + dossier.Code, _ => ""))
        {
            var blank = text["ApologyBlank"];
            var office = dossier.UnitName ?? text["ApologyOffice"];
            var apology = dossier.Apology;
            pdf.NewPage();
            pdf.Columns(office.ToUpper(text.Culture), text["ApologyNation"], 9.5f, bold: true);
            pdf.Columns(text["ApologyOffice"], text["ApologyMotto"], 10, bold: false);
            pdf.Space(40);
            pdf.Line(text["ApologyTitle"], 15, bold: true, centre: true);
            pdf.Space(20);
            pdf.Line(text.Format("ApologyTo", apology?.CitizenName is { Length: > 0 } name ? name : text["ApologyCitizenBlank"]), 12, bold: true);
            pdf.Space(6);
            pdf.Paragraph(text.Format("ApologyBody", office), 11.5f);
            pdf.Line(text.Format("ApologyDossier", dossier.Code), 11.5f);
            pdf.Line(text.Format("ApologyProcedure", dossier.Procedure ?? blank), 11.5f);
            if (dossier.ReceivedAt is { } received)
            {
                pdf.Line(text.Format("ApologyReceived", Day(received, text)), 11.5f);
            }
            pdf.Line(text.Format("ApologyDue", Day(dossier.Due, text)), 11.5f);
            pdf.Line(text.Format("ApologyNewDue", apology?.NewDue is { } newDue ? newDue.ToString("dd/MM/yyyy", text.Culture) : blank), 11.5f, bold: true);
            pdf.Paragraph(text.Format("ApologyReason", apology?.Reason is { Length: > 0 } reason ? reason : blank + blank), 11.5f);
            pdf.Space(6);
            pdf.Paragraph(text["ApologyClosing"], 11.5f);
            pdf.Space(24);
            pdf.Columns("", text.Format("ApologyDate", preparedOn.ToString("dd/MM/yyyy", text.Culture)), 11);
            pdf.Columns("", text["ApologySigner"], 11, bold: true);
            pdf.Columns("", text["ApologySignHint"], 9.5f);
            pdf.Close();
        }
        return output.ToArray();
    }

    private static string Day(DateTimeOffset at, DashboardText text) => VietnamTime.DayOf(at).ToString("dd/MM/yyyy", text.Culture);
}
