using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Server.Evaluations;

public static class EvaluationsExtensions
{
    /// <summary>Monthly evaluation (options section <c>Evaluation</c>) and appeals.</summary>
    public static WebApplicationBuilder AddEvaluations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvaluationOptions>().BindConfiguration("Evaluation")
            .Validate(o => o.PriorWeight >= 0 && o.MinRatings >= 1, "Evaluation:PriorWeight must be ≥ 0 and Evaluation:MinRatings ≥ 1")
            .Validate(o => o.TierAMinimum >= o.TierBMinimum && o.TierBMinimum >= o.TierCMinimum && o.TierCMinimum >= 0 && o.TierAMinimum <= 1,
                "Evaluation tier thresholds must satisfy 1 ≥ A ≥ B ≥ C ≥ 0")
            .Validate(o => o.SatisfiedShareWeight >= 0 && o.OnTimeShareWeight >= 0 && o.ResponseRateWeight >= 0
                && o.SatisfiedShareWeight + o.OnTimeShareWeight + o.ResponseRateWeight > 0, "Evaluation unit-index weights must be ≥ 0 and not all 0")
            .ValidateOnStart();
        builder.Services.AddSingleton<EvaluationQueries>();
        builder.Services.AddSingleton<AppealStore>();
        builder.Services.AddSingleton<OfficerRatings>();
        return builder;
    }
}
