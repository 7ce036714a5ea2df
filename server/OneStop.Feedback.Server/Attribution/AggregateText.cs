using System.Globalization;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>
/// The variable parts of a daily aggregate (counts per level, tallies per criterion) as short text columns:
/// <c>5:4=12;5:5=30</c> and <c>listen:5=7/24;thank:5=3/9</c> (criterion:scale=answers/stepSum). A month report reads
/// tens of thousands of these rows, and this parses an order of magnitude faster than JSON.
/// </summary>
public static class AggregateText
{
    public static string Levels(IEnumerable<LevelCount> levels) =>
        string.Join(';', levels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Scale}:{l.Score}={l.Count}")));

    public static string Criteria(IEnumerable<CriterionTally> tallies) =>
        string.Join(';', tallies.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Criterion}:{t.Scale}={t.Answers}/{t.StepSum}")));

    public static List<LevelCount> ParseLevels(string text)
    {
        var list = new List<LevelCount>();
        foreach (var range in text.AsSpan().Split(';'))
        {
            var part = text.AsSpan(range);
            if (part.IsEmpty)
            {
                continue;
            }
            var colon = part.IndexOf(':');
            var equals = part.IndexOf('=');
            list.Add(new LevelCount(Int(part[..colon]), Int(part[(colon + 1)..equals]), Int(part[(equals + 1)..])));
        }
        return list;
    }

    public static List<CriterionTally> ParseCriteria(string text)
    {
        var list = new List<CriterionTally>();
        foreach (var range in text.AsSpan().Split(';'))
        {
            var part = text.AsSpan(range);
            if (part.IsEmpty)
            {
                continue;
            }
            var colon = part.IndexOf(':');
            var equals = part.IndexOf('=');
            var slash = part.IndexOf('/');
            list.Add(new CriterionTally(CriterionName(part[..colon]), Int(part[(colon + 1)..equals]), Int(part[(equals + 1)..slash]),
                long.Parse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static int Int(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The five ids are interned so that thousands of rows share five strings.</summary>
    private static string CriterionName(ReadOnlySpan<char> name) => name switch
    {
        "listen" => "listen",
        "explain" => "explain",
        "trust" => "trust",
        "apologize" => "apologize",
        "thank" => "thank",
        _ => name.ToString(),
    };
}
