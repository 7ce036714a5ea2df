using System.Text;
using OneStop.Feedback.Dashboard.Dossiers;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Printing;
using OneStop.Feedback.Dashboard.Tests.Support;
using OneStop.Feedback.Dashboard.Text;
using UglyToad.PdfPig;

namespace OneStop.Feedback.Dashboard.Tests.Printing;

/// <summary>The apology letter read back with PdfPig: one page, the dossier's facts, the recorded parts or blanks to fill in.</summary>
public class ApologyLetterPdfTests
{
    private static readonly LateDossierEntry Dossier = new(
        "HS-2026-0042", "Cấp giấy phép xây dựng", "Quầy 4", "X-DA", "Xã Đông Anh",
        new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero), null, null);

    public ApologyLetterPdfTests() => ChartFonts.Register();

    [Fact]
    public void RecordedLetterNamesTheApplicantTheDatesAndTheReason()
    {
        var letter = Dossier with
        {
            Apology = new ApologyRecord("Bà Nguyễn Thị Hoa", new DateOnly(2026, 11, 23), "Phải lấy ý kiến của Sở Xây dựng", "truongdonganh", DateTimeOffset.UtcNow, null, null),
        };
        var pdf = ApologyLetterPdf.Write(letter, new DateOnly(2026, 11, 17), DashboardText.Vietnamese);
        Artifacts.Save("apology-letter.pdf", pdf);

        var text = SinglePageText(pdf);
        foreach (var expected in new[]
        {
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ ĐÔNG ANH", "Kính gửi: Bà Nguyễn Thị Hoa",
            "Mã hồ sơ: HS-2026-0042", "Thủ tục: Cấp giấy phép xây dựng", "Ngày tiếp nhận: 02/11/2026",
            "Ngày hẹn trả kết quả ban đầu: 16/11/2026", "Ngày hẹn trả kết quả mới: 23/11/2026",
            "Lý do chậm trễ: Phải lấy ý kiến của Sở Xây dựng", "Ngày 17/11/2026", "THỦ TRƯỞNG ĐƠN VỊ",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LetterNotFilledInYetHasDottedLinesToWriteOnAndEnglishOnRequest()
    {
        var text = SinglePageText(ApologyLetterPdf.Write(Dossier, new DateOnly(2026, 11, 17), DashboardText.English));

        Assert.Contains("APOLOGY AND NEW RETURN DATE", text, StringComparison.Ordinal);
        Assert.Contains("To: Mr/Ms ……", text, StringComparison.Ordinal);
        Assert.Contains("New return date: ……", text, StringComparison.Ordinal);
        Assert.Contains("Original return date: 16/11/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bà Nguyễn Thị Hoa", text, StringComparison.Ordinal);
    }

    private static string SinglePageText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        return string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC);
    }
}
