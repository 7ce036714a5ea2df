namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>How many ratings gave Score on a Scale-level scale. Levels of different scales are never merged.</summary>
public sealed record LevelCount(int Scale, int Score, int Count)
{
    /// <summary>"score/scale", e.g. "4/5": the distribution key used in API and CSV.</summary>
    public string Key => $"{Score}/{Scale}";
}
