using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// The ingest writer alone, in-process: batches of valid ratings from distinct terminals, as the MQTT side
/// hands them over under load, committed by the server's <see cref="IngestBatchWriter"/> into a fresh SQLite file.
/// Prints the CPU and wall time per rating, so changes to the write path can be compared without the broker.
/// </summary>
public static class WriterBenchmark
{
    public static Task<int> RunAsync(BenchOptions options)
    {
        var terminals = options.Number("terminals", 50);
        var batchSize = options.Number("batch", 50);
        var batches = options.Number("batches", 400);
        var synchronous = options.Text("synchronous") ?? "full";
        var data = Directory.CreateTempSubdirectory("osf-writerbench-").FullName;
        Console.WriteLine($"ingest writer benchmark: {batches:N0} commits of {batchSize} ratings from {terminals} terminals (synchronous={synchronous})");
        try
        {
            var database = new Database(Options.Create(new StorageOptions { DataDirectory = data, Synchronous = synchronous }));
            using (var c = database.Open())
            {
                Migrations.Apply(c, database.Dialect);
                using var tx = c.BeginTransaction();
                for (var k = 0; k < terminals; k++)
                {
                    c.Execute(tx, "INSERT INTO units (id, name, parent_id, valid_from) VALUES ($id, $id, NULL, 0) ON CONFLICT (id) DO NOTHING", ("$id", "U"));
                    c.Execute(tx, "INSERT INTO counters (id, unit_id, name) VALUES ($id, 'U', $id)", ("$id", $"Q{k:0000}"));
                    c.Execute(tx, "INSERT INTO terminals (id, counter_id, name, secret_hash, created_at, secret_rotated_at) VALUES ($id, $c, $id, 'x', 0, 0)", ("$id", $"T{k:0000}"), ("$c", $"Q{k:0000}"));
                    c.Execute(tx, "INSERT INTO terminal_assignments (terminal_id, counter_id, from_at) VALUES ($id, $c, 0)", ("$id", $"T{k:0000}"), ("$c", $"Q{k:0000}"));
                }
                tx.Commit();
            }
            using var writer = new IngestBatchWriter(database, new AttributionOptions());
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var payload = Publishers.Payload(1, 1, now, 5);
            var seq = new long[terminals];
            var next = 0;
            List<IngestItem> Batch()
            {
                var batch = new List<IngestItem>(batchSize);
                for (var i = 0; i < batchSize; i++)
                {
                    var k = next++ % terminals;
                    var id = $"T{k:0000}";
                    batch.Add(new RatingItem($"onestop/v1/t/{id}/rating", id, now, payload,
                        new RatingPayload(1, ++seq[k], now, 5, 1 + (int)(seq[k] % 5), new Criteria(5, null, null, null, 5))));
                }
                return batch;
            }
            for (var i = 0; i < Math.Max(1, batches / 10); i++)
            {
                writer.Commit(Batch()); // warm-up
            }
            var prepared = Enumerable.Range(0, batches).Select(_ => Batch()).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var batch in prepared)
            {
                writer.Commit(batch);
            }
            var elapsed = clock.Elapsed;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var ratings = batches * batchSize;
            Console.WriteLine($"{ratings:N0} ratings in {elapsed.TotalSeconds:0.00} s: {ratings / elapsed.TotalSeconds:N0} ratings/s, {elapsed.TotalMilliseconds / batches:0.00} ms per commit, " +
                $"CPU {used.TotalMilliseconds * 1000 / ratings:0.0} µs per rating ({used.TotalMilliseconds / batches:0.00} ms per commit)");
            return Task.FromResult(0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
