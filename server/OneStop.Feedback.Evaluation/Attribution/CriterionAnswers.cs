namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>
/// The "5 biết" answers of one rating on the rating's scale, null where not asked. Ids and order are fixed by the
/// protocol: listen, explain, trust, apologize, thank.
/// </summary>
public readonly record struct CriterionAnswers(int? Listen, int? Explain, int? Trust, int? Apologize, int? Thank)
{
    /// <summary>The criterion ids in protocol order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["listen", "explain", "trust", "apologize", "thank"];

    public static CriterionAnswers None => default;

    /// <summary>The answer by protocol index 0–4.</summary>
    public int? this[int index] => index switch
    {
        0 => Listen,
        1 => Explain,
        2 => Trust,
        3 => Apologize,
        4 => Thank,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
