using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Replicas;

/// <summary>
/// The store as several server replicas use it: two ingest writers and two attribution workers on their own
/// connections to one database, at the same time. Runs on SQLite here and on PostgreSQL in the derived class.
/// </summary>
public class ConcurrentStoreTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>A new, migrated, empty database; the PostgreSQL variant overrides it.</summary>
    protected virtual Database NewDatabase()
    {
        var folder = new TempDirectory("osf-store");
        _owned.Add(folder);
        return Own(new Database(Options.Create(new StorageOptions { DataDirectory = folder.Path })));
    }

    protected Database Own(Database database)
    {
        _owned.Insert(0, database);
        Migrations.Apply(database);
        return database;
    }

    [Fact]
    public void MigratedSchemaIsTheLatestVersion()
    {
        var database = NewDatabase();
        using var c = database.Open();
        Assert.Equal(Migrations.LatestVersion, database.Dialect.SchemaVersion(c, null));
        Assert.Equal(0, Migrations.Apply(database));
    }

    [Fact]
    public async Task TwoWritersCommittingTheSameRatingsStoreEachOnce()
    {
        var database = NewDatabase();
        var terminals = Provision(database, 4);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ratings = terminals.SelectMany(t => Enumerable.Range(1, 60).Select(seq => Rating(t, 1, seq, now - 60_000 + seq))).ToList();

        // Both "replicas" get every rating (a redelivery after a takeover), in batches of 20, in opposite orders.
        var outcomes = await Task.WhenAll(
            Task.Run(() => CommitAll(database, ratings)),
            Task.Run(() => CommitAll(database, Enumerable.Reverse(ratings).ToList())));

        using var c = database.Open();
        Assert.Equal(ratings.Count, Count(c, "SELECT count(*) FROM ratings"));
        Assert.Equal(0, Count(c, "SELECT count(*) FROM (SELECT terminal_id, boot, seq FROM ratings GROUP BY terminal_id, boot, seq HAVING count(*) > 1) d"));
        Assert.Equal(0, Count(c, "SELECT count(*) FROM ingest_rejections"));
        var kinds = outcomes.SelectMany(o => o).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ratings.Count, kinds.GetValueOrDefault(IngestOutcomeKind.Stored));
        Assert.Equal(ratings.Count, kinds.GetValueOrDefault(IngestOutcomeKind.Duplicate));
    }

    [Fact]
    public void RedeliveryWithOtherContentThroughAnotherWriterIsAConflictingDuplicate()
    {
        var database = NewDatabase();
        var terminal = Provision(database, 1)[0];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var first = new IngestBatchWriter(database, new AttributionOptions());
        using var second = new IngestBatchWriter(database, new AttributionOptions());

        Assert.Equal(IngestOutcomeKind.Stored, first.Commit([Rating(terminal, 2, 7, now, score: 5)])[0].Kind);
        Assert.Equal(IngestOutcomeKind.Duplicate, second.Commit([Rating(terminal, 2, 7, now, score: 5)])[0].Kind);
        var conflict = second.Commit([Rating(terminal, 2, 7, now, score: 1)])[0];

        Assert.Equal(IngestOutcomeKind.Rejected, conflict.Kind);
        using var c = database.Open();
        Assert.Equal(5L, c.Scalar("SELECT score FROM ratings WHERE terminal_id = $t", ("$t", terminal)));
        Assert.Equal(RejectionReason.ConflictingDuplicate, c.Scalar("SELECT reason FROM ingest_rejections"));
    }

    [Fact]
    public async Task TwoAttributionWorkersRunningTogetherGiveTheResultOfOne()
    {
        var database = NewDatabase();
        var terminals = Provision(database, 3);
        var start = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        var ratings = terminals.SelectMany(t => Enumerable.Range(1, 80).Select(seq => Rating(t, 1, seq, start + seq * 2_700_000L, score: 1 + (seq % 5)))).ToList();
        using (var writer = new IngestBatchWriter(database, new AttributionOptions()))
        {
            writer.Commit(ratings);
        }

        await Task.WhenAll(Task.Run(() => Worker(database).Drain()), Task.Run(() => Worker(database).Drain()));
        var together = Aggregates(database);
        using (var c = database.Open())
        {
            Assert.Equal(0, Count(c, "SELECT count(*) FROM attribution_dirty"));
            Assert.Equal(ratings.Count, Count(c, "SELECT count(*) FROM rating_attributions"));
            Assert.Equal(ratings.Count, Count(c, "SELECT coalesce(sum(ratings), 0) FROM daily_aggregates"));
            // Everything again, by one worker alone: the same rows.
            c.Execute("INSERT INTO attribution_dirty (counter_id, day, marked_at) SELECT DISTINCT counter_id, day, 0 FROM rating_attributions");
        }
        Worker(database).Drain();

        Assert.NotEmpty(together);
        Assert.Equal(together, Aggregates(database));
    }

    [Fact]
    public void DrainTakesACounterDayMarkedAheadOfTheClock()
    {
        // Marks in the same millisecond push marked_at ahead of the clock (each adds 1 so a running pass sees the
        // change). Drain used to compare marked_at with "now" and left such a counter-day unattributed.
        var database = NewDatabase();
        var terminal = Assert.Single(Provision(database, 1));
        var ts = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        using (var writer = new IngestBatchWriter(database, new AttributionOptions()))
        {
            writer.Commit([Rating(terminal, 1, 1, ts)]);
        }
        using (var c = database.Open())
        {
            var counterDay = c.Query("SELECT counter_id, day FROM attribution_dirty", r => new CounterDay(r.GetString(0), DirtyCounterDays.ParseDay(r.GetString(1)))).Single();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            DirtyCounterDays.Mark(c, null, Enumerable.Repeat(counterDay, 500), now);
            Assert.True(Count(c, "SELECT max(marked_at) FROM attribution_dirty") > now + 400);
        }

        Worker(database).Drain();

        using (var c = database.Open())
        {
            Assert.Equal(0, Count(c, "SELECT count(*) FROM attribution_dirty"));
            Assert.Equal(1, Count(c, "SELECT count(*) FROM rating_attributions"));
        }
    }

    [Fact]
    public void AWriterSeesATerminalMovedBetweenItsBatches()
    {
        // The writer keeps counter histories across batches (SQLite); a move must still reach the next batch.
        var database = NewDatabase();
        var terminal = Assert.Single(Provision(database, 1));
        var registry = new TerminalRegistry(database, TimeProvider.System, Options.Create(new AttributionOptions()));
        var moveAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        using var writer = new IngestBatchWriter(database, new AttributionOptions());
        writer.Commit([Rating(terminal, 1, 1, moveAt.AddMinutes(-10).ToUnixTimeMilliseconds())]);
        Assert.True(registry.Assign(terminal, "Q-moved", moveAt));
        Worker(database).Drain();

        writer.Commit([Rating(terminal, 1, 2, moveAt.AddMinutes(10).ToUnixTimeMilliseconds())]);

        using var c = database.Open();
        Assert.Equal(["Q-moved"], c.Query("SELECT DISTINCT counter_id FROM attribution_dirty", r => r.GetString(0)));
    }

    [Fact]
    public void ABatchThatWaitedBeforeItsCommitMarksItsCounterDaysAtTheCommit()
    {
        // Items that queued behind a long commit (a backlog from an external broker) arrived long before their batch
        // commits. Marked with their arrival, their counter-days looked quiet at once, and the attribution worker
        // recomputed them between every two batches of the ingest, holding the write lock each time.
        var database = NewDatabase();
        var terminal = Assert.Single(Provision(database, 1));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var received = time.GetUtcNow().AddSeconds(-10).ToUnixTimeMilliseconds();
        using (var writer = new IngestBatchWriter(database, new AttributionOptions(), time))
        {
            writer.Commit([Rating(terminal, 1, 1, received)]);
        }
        var worker = new AttributionWorker(database, Options.Create(new AttributionOptions()), time, NullLogger<AttributionWorker>.Instance);

        Assert.Equal(0, worker.RunOnce(maxDays: 10));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, worker.RunOnce(maxDays: 10));
    }

    [Fact]
    public async Task APassGivesWayToABusyIngestAndTheRestComesOutTheSame()
    {
        var database = NewDatabase();
        var terminals = Provision(database, 3);
        var start = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds();
        var ratings = terminals.SelectMany(t => Enumerable.Range(1, 40).Select(seq => Rating(t, 1, seq, start + seq * 2_700_000L, score: 1 + (seq % 5)))).ToList();
        using (var writer = new IngestBatchWriter(database, new AttributionOptions()))
        {
            writer.Commit(ratings);
        }
        long dirty;
        using (var c = database.Open())
        {
            dirty = Count(c, "SELECT count(*) FROM attribution_dirty");
        }
        Assert.True(dirty >= 6, $"{dirty} dirty counter-days");
        // An ingest with a rating queued and no writer to take it: busy for the whole test.
        var ingest = new IngestPipeline(Options.Create(new IngestOptions()));
        using var stop = new CancellationTokenSource();
        var queued = ingest.SubmitAsync(Rating(terminals[0], 2, 1, start), stop.Token);
        Assert.True(ingest.Busy);
        var yielding = new AttributionWorker(database, Options.Create(new AttributionOptions()), TimeProvider.System, NullLogger<AttributionWorker>.Instance, ingest: ingest)
        {
            SliceLength = TimeSpan.Zero,
        };

        Assert.Equal(1, yielding.RunOnce(maxDays: 500, waitForQuiet: false));
        Assert.Equal(1, yielding.GaveWay);
        using (var c = database.Open())
        {
            Assert.Equal(dirty - 1, Count(c, "SELECT count(*) FROM attribution_dirty"));
        }
        yielding.Drain();
        var inSlices = Aggregates(database, monthly: true);

        // Everything again in one pass: the same rows.
        using (var c = database.Open())
        {
            c.Execute("INSERT INTO attribution_dirty (counter_id, day, marked_at) SELECT DISTINCT counter_id, day, 0 FROM rating_attributions");
        }
        Worker(database).Drain();
        Assert.Equal(inSlices, Aggregates(database, monthly: true));
        Assert.True(inSlices.Count > Aggregates(database).Count, "monthly roll-ups written"); // daily and monthly rows
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }

    private static IngestOutcome[] CommitAll(Database database, List<RatingItem> ratings)
    {
        using var writer = new IngestBatchWriter(database, new AttributionOptions());
        return ratings.Chunk(20).SelectMany(batch => writer.Commit(batch)).ToArray();
    }

    private static List<string> Provision(Database database, int count)
    {
        var registry = new TerminalRegistry(database, TimeProvider.System, Options.Create(new AttributionOptions()));
        var ids = Enumerable.Range(1, count).Select(i => $"T{i}").ToList();
        foreach (var id in ids)
        {
            Assert.NotNull(registry.Create(id, "Q" + id, id));
        }
        return ids;
    }

    private static RatingItem Rating(string terminal, long boot, long seq, long ts, int score = 4)
    {
        var payload = new RatingPayload(boot, seq, ts, 5, score, new Criteria(null, null, null, null, null));
        return new RatingItem($"onestop/v1/t/{terminal}/rating", terminal, ts, Encoding.UTF8.GetBytes($"{boot}/{seq}/{score}"), payload);
    }

    private static AttributionWorker Worker(Database database) =>
        new(database, Options.Create(new AttributionOptions()), TimeProvider.System, NullLogger<AttributionWorker>.Instance);

    /// <summary>The daily aggregates, or with <paramref name="monthly"/> the daily and the monthly ones, one text per row.</summary>
    private static List<string> Aggregates(Database database, bool monthly = false)
    {
        using var c = database.Open();
        var daily = Rows(c, $"SELECT {AttributionWriter.AggregateColumns} FROM daily_aggregates ORDER BY day, counter_id, officer_id");
        var month = $"month{AttributionWriter.AggregateColumns[3..]}";
        return monthly ? [.. daily, .. Rows(c, $"SELECT {month} FROM monthly_aggregates ORDER BY month, counter_id, officer_id")] : daily;
    }

    private static List<string> Rows(DbConnection c, string sql) =>
        c.Query(sql,
            r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));

    private static long Count(DbConnection c, string sql) => Convert.ToInt64(c.Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
