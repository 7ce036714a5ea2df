using System.Globalization;
using OneStop.Feedback.Evaluation.Attribution;

namespace OneStop.Feedback.Evaluation.Tests;

/// <summary>Small builders so each test states its data in Vietnam local time, as an office would read it.</summary>
internal static class TestData
{
    public static readonly AttributionOptions Options = new();

    public static readonly IReadOnlySet<RatingKey> NoneVoided = new HashSet<RatingKey>();

    /// <summary>"2026-03-02 08:00:05" read as Vietnam local time (UTC+7), returned in UTC.</summary>
    public static DateTimeOffset Vn(string local) =>
        DateTimeOffset.ParseExact(local + " +07:00", "yyyy-MM-dd HH:mm:ss.FFF zzz", CultureInfo.InvariantCulture).ToUniversalTime();

    public static Rating Press(string terminal, long seq, string local, int score = 5, int scale = 5, long boot = 1, CriterionAnswers criteria = default) =>
        new(terminal, boot, seq, Vn(local), Vn(local).AddSeconds(2), scale, score, criteria);

    public static Rating UnsyncedPress(string terminal, long seq, string receivedLocal, int score = 5, int scale = 5) =>
        new(terminal, 1, seq, null, Vn(receivedLocal), scale, score);

    public static ServiceEvent Received(long id, string dossier, string counter, string local, string? officer = null, string? dueLocal = null) =>
        new(id, dossier, "P-01", ServiceEventKind.Received, counter, officer, Vn(local), dueLocal is null ? null : Vn(dueLocal));

    public static ServiceEvent Returned(long id, string dossier, string counter, string local, string? officer = null) =>
        new(id, dossier, "P-01", ServiceEventKind.Returned, counter, officer, Vn(local));

    public static Shift ShiftOf(long id, string officer, string counter, string startLocal, string? endLocal = null) =>
        new(id, officer, counter, Vn(startLocal), endLocal is null ? null : Vn(endLocal));

    /// <summary>Attributes one counter over the given day with the default options.</summary>
    public static IReadOnlyList<AttributedRating> AttributeDay(
        string day,
        IReadOnlyCollection<Rating> ratings,
        IReadOnlyCollection<ServiceEvent>? events = null,
        IReadOnlyCollection<Shift>? shifts = null,
        bool requireServiceEvent = false,
        IReadOnlySet<RatingKey>? voided = null,
        string counter = "C1",
        string now = "2030-01-01 00:00:00")
    {
        var input = CounterAttributionInput.ForDay(
            counter, DateOnly.Parse(day, CultureInfo.InvariantCulture), ratings, events ?? [], shifts ?? [], requireServiceEvent,
            voided ?? NoneVoided, Vn(now));
        return CounterAttributor.Attribute(input, Options);
    }

    /// <summary>A seeded Fisher–Yates shuffle: "any order" in tests, reproducible when it fails.</summary>
    public static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        var random = new Random(seed);
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }
        return array;
    }

    public static AttributedRating Attributed(
        string counter, string? officer, string local, int score, int scale = 5, RatingFlags flags = RatingFlags.None,
        long? serviceEventId = null, CriterionAnswers criteria = default, long seq = 0) =>
        new(new Rating("T-" + counter, 1, seq == 0 ? Interlocked.Increment(ref _seq) : seq, Vn(local), Vn(local), scale, score, criteria),
            counter, flags, officer, officer is null ? AttributionMethod.None : AttributionMethod.Shift, serviceEventId, null);

    private static long _seq;
}
