using System.Globalization;
using System.Resources;
using System.Text;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Text;

/// <summary>
/// The dashboard's words and number formats in one language: Vietnamese by default, English on request. All text
/// comes from DashboardText.resx / DashboardText.en.resx and is NFC-normalised, because decomposed diacritics
/// render slightly off in charts and compare unequal in tests.
/// </summary>
public sealed class DashboardText
{
    private static readonly ResourceManager Resources = new("OneStop.Feedback.Dashboard.Text.DashboardText", typeof(DashboardText).Assembly);

    private DashboardText(CultureInfo culture, string language)
    {
        Culture = culture;
        Language = language;
    }

    public static DashboardText Vietnamese { get; } = new(CultureInfo.GetCultureInfo("vi-VN"), "vi");

    public static DashboardText English { get; } = new(CultureInfo.GetCultureInfo("en-GB"), "en");

    /// <summary>Culture for numbers and dates (vi-VN: decimal comma).</summary>
    public CultureInfo Culture { get; }

    /// <summary>"vi" or "en", for the HTML lang attribute.</summary>
    public string Language { get; }

    /// <summary>English for "en…", Vietnamese for anything else (the default).</summary>
    public static DashboardText For(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    public string this[string key] =>
        (Resources.GetString(key, Culture) ?? throw new KeyNotFoundException("No dashboard text for key " + key)).Normalize(NormalizationForm.FormC);

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>"Th11/2026" (vi) or "11/2026" (en): month axis labels.</summary>
    public string MonthShort(Month month) => Format("MonthShort", month.Number, month.Year);

    /// <summary>"Tháng 11/2026".</summary>
    public string MonthLong(Month month) => Format("MonthLong", month.Number, month.Year);

    /// <summary>A 0–1 share as "86,5 %" (vi) or "86.5%" (en); the insufficient-data words when null.</summary>
    public string Percent(double? share) =>
        share is { } s ? Format("PercentFormat", (s * 100).ToString("0.0", Culture)) : this["NoData"];

    /// <summary>A 0–100 score with one decimal in the culture's format.</summary>
    public string Score(double? score) => score is { } s ? s.ToString("0.0", Culture) : this["NoData"];

    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>The name of a level on a scale, e.g. (5, 4) → "Hài lòng".</summary>
    public string Level(int scale, int score) => this[$"Level_{scale}_{score}"];

    /// <summary>The name of a "5 biết" criterion id, e.g. listen → "Biết nghe dân nói".</summary>
    public string Criterion(string id) => this["Criterion_" + id];
}
