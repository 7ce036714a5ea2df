namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// Settings of the monthly evaluation (configuration section "Evaluation"). Tiers and the unit index are
/// configuration, not code. Labels default to the four grades of Nghị định 90/2020/NĐ-CP (amended by 48/2023):
/// the satisfaction tier is one input to that grading, so it uses the same words.
/// </summary>
public sealed class EvaluationOptions
{
    /// <summary>m: how many ratings' worth of the unit's share the Bayesian score starts from.</summary>
    public double PriorWeight { get; set; } = 10;

    /// <summary>Below this many (not excluded) ratings an officer is "chưa đủ dữ liệu": no rank, no tier.</summary>
    public int MinRatings { get; set; } = 10;

    /// <summary>Tier A when wilsonLower ≥ this.</summary>
    public double TierAMinimum { get; set; } = 0.90;

    /// <summary>Tier B when wilsonLower ≥ this (and below A).</summary>
    public double TierBMinimum { get; set; } = 0.80;

    /// <summary>Tier C when wilsonLower ≥ this (and below B); below it, D.</summary>
    public double TierCMinimum { get; set; } = 0.65;

    /// <summary>Label per tier code; configuration binding overrides single keys.</summary>
    public Dictionary<string, string> TierLabels { get; } = new(StringComparer.Ordinal)
    {
        ["A"] = "Hoàn thành xuất sắc nhiệm vụ",
        ["B"] = "Hoàn thành tốt nhiệm vụ",
        ["C"] = "Hoàn thành nhiệm vụ",
        ["D"] = "Không hoàn thành nhiệm vụ",
    };

    /// <summary>What an officer below MinRatings shows instead of a tier.</summary>
    public string InsufficientDataLabel { get; set; } = "Chưa đủ dữ liệu";

    /// <summary>Unit index weight of satisfiedShare.</summary>
    public double SatisfiedShareWeight { get; set; } = 0.5;

    /// <summary>Unit index weight of onTimeShare.</summary>
    public double OnTimeShareWeight { get; set; } = 0.3;

    /// <summary>Unit index weight of responseRate.</summary>
    public double ResponseRateWeight { get; set; } = 0.2;

    /// <summary>z of the Wilson lower bound (1.96: 95 % two-sided).</summary>
    public double WilsonZ { get; set; } = 1.96;
}
