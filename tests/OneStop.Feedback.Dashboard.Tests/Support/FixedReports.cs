using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Tests.Support;

/// <summary>Deterministic monthly reports with Vietnamese names, varying by month, for chart and export tests.</summary>
internal static class FixedReports
{
    public static readonly Month November = new(2026, 11);

    public static MonthlyReport For(Month month)
    {
        var wobble = (month.Number % 4) * 0.02;
        var units = new List<UnitReport>
        {
            Unit("HN", "Thành phố Hà Nội", null, 420, 0.86 - wobble, 81.5, 0.93),
            Unit("P-BD", "Phường Ba Đình", "HN", 260, 0.91 - wobble, 87.2, 0.97),
            Unit("X-DA", "Xã Đông Anh", "HN", 160, 0.78 + wobble, 74.0, 0.85),
            Unit("P-HK", "Phường Hoàn Kiếm", "HN", 0, null, null, null),
        };
        var officers = new List<OfficerReport>
        {
            Officer("CB-1", "Nguyễn Văn An", "P-BD", "Phường Ba Đình", 140, 0.93 - wobble, 1, "A"),
            Officer("CB-2", "Trần Thị Bình", "P-BD", "Phường Ba Đình", 120, 0.88, 2, "B"),
            Officer("CB-3", "Lê Thị Hồng Đào", "X-DA", "Xã Đông Anh", 155, 0.79 + wobble, 1, "C"),
            Officer("CB-4", "Phạm Quốc Việt", "X-DA", "Xã Đông Anh", 5, 0.6, null, null),
        };
        return new MonthlyReport(month, units, officers, 0);
    }

    public static IReadOnlyList<LevelCount> Distribution(int ratings, double share)
    {
        var top = (int)(ratings * share * 0.6);
        var satisfied = (int)(ratings * share) - top;
        var rest = ratings - top - satisfied;
        return [new(5, 1, rest / 4), new(5, 2, rest / 4), new(5, 3, rest - 2 * (rest / 4)), new(5, 4, satisfied), new(5, 5, top)];
    }

    public static IReadOnlyList<CriterionScore> Criteria(double share) =>
    [
        new("listen", 40, 100 * share), new("explain", 38, 95 * share), new("trust", 35, 90 * share),
        new("apologize", 12, 70 * share), new("thank", 0, null),
    ];

    private static UnitReport Unit(string id, string name, string? parent, int ratings, double? share, double? index, double? onTime) =>
        new(id, name, parent, ratings, ratings / 20, FlagCounts.Zero, share is { } s ? Distribution(ratings, s) : [],
            (int)(ratings * (share ?? 0)), share, index, Criteria(share ?? 0), share - 0.04, ratings + 30,
            ratings == 0 ? null : (double)ratings / (ratings + 30), ratings / 2, onTime, ratings / 40, index);

    private static OfficerReport Officer(string id, string name, string unit, string unitName, int ratings, double share, int? rank, string? tier) =>
        new(id, name, unit, unitName, ratings, 2, FlagCounts.Zero with { TooSoon = 2 }, Distribution(ratings, share), (int)(ratings * share),
            share, share * 90, Criteria(share), share - 0.05, share - 0.01, ratings + 12, (double)ratings / (ratings + 12),
            rank is not null, rank, tier, tier is null ? "Chưa đủ dữ liệu" : "Hoàn thành tốt nhiệm vụ");
}
