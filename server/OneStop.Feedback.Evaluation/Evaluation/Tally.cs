using OneStop.Feedback.Evaluation.Attribution;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// The integer accumulator behind daily aggregates and monthly reports. Only integers are summed; doubles are made
/// once at the end, in a fixed order, so raw ratings and aggregates in any order give bit-identical numbers.
/// </summary>
internal sealed class Tally
{
    public const int MaxScale = 10;
    private const int Criteria = 5;

    private readonly int[] _levels = new int[(MaxScale + 1) * (MaxScale + 1)];
    private readonly int[] _criterionAnswers = new int[Criteria * (MaxScale + 1)];
    private readonly long[] _criterionSteps = new long[Criteria * (MaxScale + 1)];
    private int _tooSoon, _duplicate, _noService, _voided, _clockUnsynced;

    public int Ratings { get; private set; }

    public int Flagged { get; private set; }

    public int Satisfied { get; private set; }

    public int Linked { get; private set; }

    public int Services { get; private set; }

    public FlagCounts Flags => new(_tooSoon, _duplicate, _noService, _voided, _clockUnsynced);

    public void AddService() => Services++;

    public void Add(AttributedRating rating)
    {
        var scale = rating.Rating.Scale;
        var score = rating.Rating.Score;
        if (scale < 2 || scale > MaxScale || score < 1 || score > scale)
        {
            throw new ArgumentException($"Rating {rating.Rating.Key} has score {score} on scale {scale}.", nameof(rating));
        }
        CountFlags(rating.Flags);
        if (rating.Excluded)
        {
            Flagged++;
            return;
        }
        Ratings++;
        _levels[(scale * (MaxScale + 1)) + score]++;
        if (score >= scale - 1)
        {
            Satisfied++;
        }
        if (rating.ServiceEventId is not null)
        {
            Linked++;
        }
        for (var c = 0; c < Criteria; c++)
        {
            if (rating.Rating.Criteria[c] is int answer && answer >= 1 && answer <= scale)
            {
                _criterionAnswers[(c * (MaxScale + 1)) + scale]++;
                _criterionSteps[(c * (MaxScale + 1)) + scale] += answer - 1;
            }
        }
    }

    public void Add(DailyAggregate aggregate)
    {
        Ratings += aggregate.Ratings;
        Flagged += aggregate.Flagged;
        Satisfied += aggregate.Satisfied;
        Linked += aggregate.Linked;
        Services += aggregate.Services;
        _tooSoon += aggregate.Flags.TooSoon;
        _duplicate += aggregate.Flags.DuplicateForDossier;
        _noService += aggregate.Flags.NoService;
        _voided += aggregate.Flags.Voided;
        _clockUnsynced += aggregate.Flags.ClockUnsynced;
        foreach (var level in aggregate.Levels)
        {
            _levels[(level.Scale * (MaxScale + 1)) + level.Score] += level.Count;
        }
        foreach (var criterion in aggregate.Criteria)
        {
            var c = IndexOf(criterion.Criterion);
            _criterionAnswers[(c * (MaxScale + 1)) + criterion.Scale] += criterion.Answers;
            _criterionSteps[(c * (MaxScale + 1)) + criterion.Scale] += criterion.StepSum;
        }
    }

    public void Add(Tally other)
    {
        Ratings += other.Ratings;
        Flagged += other.Flagged;
        Satisfied += other.Satisfied;
        Linked += other.Linked;
        Services += other.Services;
        _tooSoon += other._tooSoon;
        _duplicate += other._duplicate;
        _noService += other._noService;
        _voided += other._voided;
        _clockUnsynced += other._clockUnsynced;
        for (var i = 0; i < _levels.Length; i++)
        {
            _levels[i] += other._levels[i];
        }
        for (var i = 0; i < _criterionAnswers.Length; i++)
        {
            _criterionAnswers[i] += other._criterionAnswers[i];
            _criterionSteps[i] += other._criterionSteps[i];
        }
    }

    /// <summary>Non-zero levels, by scale then score.</summary>
    public IReadOnlyList<LevelCount> Levels()
    {
        var levels = new List<LevelCount>();
        for (var scale = 2; scale <= MaxScale; scale++)
        {
            for (var score = 1; score <= scale; score++)
            {
                var count = _levels[(scale * (MaxScale + 1)) + score];
                if (count != 0)
                {
                    levels.Add(new LevelCount(scale, score, count));
                }
            }
        }
        return levels;
    }

    /// <summary>Every level (zeros included) of each scale that has ratings: what a chart or a table shows.</summary>
    public IReadOnlyList<LevelCount> Distribution()
    {
        var levels = new List<LevelCount>();
        for (var scale = 2; scale <= MaxScale; scale++)
        {
            var any = false;
            for (var score = 1; score <= scale; score++)
            {
                any |= _levels[(scale * (MaxScale + 1)) + score] != 0;
            }
            for (var score = 1; any && score <= scale; score++)
            {
                levels.Add(new LevelCount(scale, score, _levels[(scale * (MaxScale + 1)) + score]));
            }
        }
        return levels;
    }

    public IReadOnlyList<CriterionTally> CriterionTallies()
    {
        var tallies = new List<CriterionTally>();
        for (var c = 0; c < Criteria; c++)
        {
            for (var scale = 2; scale <= MaxScale; scale++)
            {
                var i = (c * (MaxScale + 1)) + scale;
                if (_criterionAnswers[i] != 0)
                {
                    tallies.Add(new CriterionTally(CriterionAnswers.Ids[c], scale, _criterionAnswers[i], _criterionSteps[i]));
                }
            }
        }
        return tallies;
    }

    /// <summary>Mean of (score − 1)/(scale − 1) × 100 over the not-excluded ratings, null without ratings.</summary>
    public double? HappyIndex()
    {
        if (Ratings == 0)
        {
            return null;
        }
        var sum = 0.0;
        for (var scale = 2; scale <= MaxScale; scale++)
        {
            long steps = 0;
            for (var score = 1; score <= scale; score++)
            {
                steps += (long)_levels[(scale * (MaxScale + 1)) + score] * (score - 1);
            }
            sum += (double)steps / (scale - 1);
        }
        return 100.0 * sum / Ratings;
    }

    /// <summary>The same 0–100 mean for one criterion over the ratings that answered it, in protocol order.</summary>
    public IReadOnlyList<CriterionScore> CriterionScores()
    {
        var scores = new List<CriterionScore>(Criteria);
        for (var c = 0; c < Criteria; c++)
        {
            var answers = 0;
            var sum = 0.0;
            for (var scale = 2; scale <= MaxScale; scale++)
            {
                var i = (c * (MaxScale + 1)) + scale;
                answers += _criterionAnswers[i];
                sum += (double)_criterionSteps[i] / (scale - 1);
            }
            scores.Add(new CriterionScore(CriterionAnswers.Ids[c], answers, answers == 0 ? null : 100.0 * sum / answers));
        }
        return scores;
    }

    public DailyAggregate ToAggregate(DateOnly day, string counterId, string? officerId) =>
        new(day, counterId, officerId, Ratings, Flagged, Flags, Satisfied, Linked, Services, Levels(), CriterionTallies());

    private void CountFlags(RatingFlags flags)
    {
        _tooSoon += flags.HasFlag(RatingFlags.TooSoon) ? 1 : 0;
        _duplicate += flags.HasFlag(RatingFlags.DuplicateForDossier) ? 1 : 0;
        _noService += flags.HasFlag(RatingFlags.NoService) ? 1 : 0;
        _voided += flags.HasFlag(RatingFlags.Voided) ? 1 : 0;
        _clockUnsynced += flags.HasFlag(RatingFlags.ClockUnsynced) ? 1 : 0;
    }

    private static int IndexOf(string criterion)
    {
        for (var c = 0; c < Criteria; c++)
        {
            if (string.Equals(CriterionAnswers.Ids[c], criterion, StringComparison.Ordinal))
            {
                return c;
            }
        }
        throw new ArgumentException($"Unknown criterion '{criterion}'.", nameof(criterion));
    }
}
