using System.ComponentModel.DataAnnotations;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>Configuration section <c>Ingest</c>: group-commit tuning.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Most items committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Items waiting for a commit before submitters are made to wait (back-pressure on the broker).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 50_000;
}
