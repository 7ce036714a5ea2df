using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

public class StatisticsTests
{
    [Fact]
    public void ShareOfNothingIsNullNotNaN()
    {
        Assert.Null(Statistics.Share(0, 0));
        Assert.Equal(0.25, Statistics.Share(1, 4));
    }

    [Fact]
    public void WilsonLowerBoundMatchesTheHandComputedValues()
    {
        // 9/10: p = .9, z² = 3.8416; (0.9 + 0.19208 − 1.96·√(0.009 + 0.009604)) / 1.38416 = 0.595844
        Assert.Equal(0.595844, Statistics.WilsonLower(9, 10, 1.96)!.Value, 6);
        // k = n: the bound simplifies to n / (n + z²) = 10 / 13.8416
        Assert.Equal(10 / 13.8416, Statistics.WilsonLower(10, 10, 1.96)!.Value, 12);
        Assert.Equal(0.0, Statistics.WilsonLower(0, 10, 1.96));
        Assert.Null(Statistics.WilsonLower(0, 0, 1.96));
    }

    [Fact]
    public void WilsonLowerBoundRanksMoreEvidenceAboveTheSameShareOnFewerRatings() =>
        Assert.True(Statistics.WilsonLower(90, 100, 1.96) > Statistics.WilsonLower(9, 10, 1.96));

    [Fact]
    public void BayesianShareShrinksTowardTheUnitShare()
    {
        // (8 + 10 × 0.6) / (10 + 10) = 0.7
        Assert.Equal(0.7, Statistics.BayesianShare(8, 10, 10, 0.6)!.Value, 12);
        // No ratings: the unit's share itself.
        Assert.Equal(0.6, Statistics.BayesianShare(0, 0, 10, 0.6)!.Value, 12);
        // No prior: the plain share; nothing at all: null.
        Assert.Equal(0.8, Statistics.BayesianShare(8, 10, 10, null));
        Assert.Null(Statistics.BayesianShare(0, 0, 10, null));
    }

    [Fact]
    public void WeightedIndexRenormalisesOverTheDefinedComponents()
    {
        Assert.Equal(100 * (0.5 * 0.8 + 0.3 * 0.6 + 0.2 * 0.5), Statistics.WeightedIndex((0.8, 0.5), (0.6, 0.3), (0.5, 0.2))!.Value, 12);
        // onTimeShare undefined: 100 × (0.5·0.8 + 0.2·0.5) / 0.7 = 71.428571…
        Assert.Equal(500.0 / 7, Statistics.WeightedIndex((0.8, 0.5), (null, 0.3), (0.5, 0.2))!.Value, 12);
        Assert.Null(Statistics.WeightedIndex((null, 0.5), (null, 0.3), (null, 0.2)));
        Assert.Null(Statistics.WeightedIndex((0.8, 0.0)));
    }
}
