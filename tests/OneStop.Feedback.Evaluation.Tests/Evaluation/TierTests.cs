using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

public class TierTests
{
    [Theory]
    [InlineData(0.95, "A")]
    [InlineData(0.90, "A")]
    [InlineData(0.8999, "B")]
    [InlineData(0.80, "B")]
    [InlineData(0.7999, "C")]
    [InlineData(0.65, "C")]
    [InlineData(0.6499, "D")]
    [InlineData(0.0, "D")]
    public void DefaultThresholdsAreInclusiveLowerBounds(double wilsonLower, string tier) =>
        Assert.Equal(tier, Tiers.TierOf(wilsonLower, new EvaluationOptions()));

    [Fact]
    public void ThresholdsAndLabelsAreConfiguration()
    {
        var options = new EvaluationOptions { TierAMinimum = 0.95, TierBMinimum = 0.5, TierCMinimum = 0.4 };
        options.TierLabels["A"] = "Xuất sắc";
        Assert.Equal("B", Tiers.TierOf(0.9, options));
        Assert.Equal("D", Tiers.TierOf(0.39, options));
        Assert.Equal("Xuất sắc", options.TierLabels["A"]);
        Assert.Equal("Hoàn thành tốt nhiệm vụ", options.TierLabels["B"]);
    }

    [Fact]
    public void DefaultLabelsAreTheFourCivilServantGradesAndTheInsufficientDataLabel()
    {
        var options = new EvaluationOptions();
        Assert.Equal(
            ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"],
            new[] { "A", "B", "C", "D" }.Select(t => options.TierLabels[t]));
        Assert.Equal("Chưa đủ dữ liệu", options.InsufficientDataLabel);
    }
}
