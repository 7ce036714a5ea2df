namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>The identity of a rating, the same everywhere in the system: (terminal, boot, seq).</summary>
public readonly record struct RatingKey(string TerminalId, long Boot, long Seq) : IComparable<RatingKey>
{
    public int CompareTo(RatingKey other)
    {
        var byTerminal = string.CompareOrdinal(TerminalId, other.TerminalId);
        if (byTerminal != 0)
        {
            return byTerminal;
        }
        var byBoot = Boot.CompareTo(other.Boot);
        return byBoot != 0 ? byBoot : Seq.CompareTo(other.Seq);
    }

    public override string ToString() => $"{TerminalId}/{Boot}/{Seq}";

    public static bool operator <(RatingKey left, RatingKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(RatingKey left, RatingKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(RatingKey left, RatingKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(RatingKey left, RatingKey right) => left.CompareTo(right) >= 0;
}
