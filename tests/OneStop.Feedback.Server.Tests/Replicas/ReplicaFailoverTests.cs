using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using MQTTnet;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.External;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Server.Tests.Replicas;

/// <summary>
/// Scale-out as deployed: one Mosquitto (with persistence), one PostgreSQL and two server processes sharing the
/// ingest through the shared subscription. Replica a is frozen (SIGSTOP) while ratings keep coming, so Mosquitto
/// hands it messages it can never commit, then killed with SIGKILL and, after more ratings, started again. Every
/// rating a terminal saw acknowledged must end up stored exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaFailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Terminals = 6;
    private const int RatingsPerPhase = 50;

    [Fact]
    public async Task ReplicaKilledUnderLoadLosesNothingAndNothingIsStoredTwice()
    {
        var connectionString = postgres.NewDatabase();
        var ids = Enumerable.Range(1, Terminals).Select(i => $"T{i}").ToArray();
        await using var setup = await ExternalSetup.StartAsync(connectionString, ids);
        using var database = new Database(Options.Create(new StorageOptions { Relational = "postgres", PostgresConnectionString = connectionString }));
        await using var replicaB = await StartReplicaAsync(setup, "b");
        var replicaA = await StartReplicaAsync(setup, "a");
        var clients = new List<IMqttClient>();
        try
        {
            foreach (var terminal in setup.Terminals)
            {
                clients.Add(await setup.ConnectTerminalAsync(terminal));
            }
            var acked = new ConcurrentBag<string>();
            var sent = 0;
            var boot = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            async Task PhaseAsync(int phase) => await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
            {
                for (var seq = phase * RatingsPerPhase + 1; seq <= (phase + 1) * RatingsPerPhase; seq++)
                {
                    Interlocked.Increment(ref sent);
                    var ack = await client.PublishAsync(TestApp.Message($"onestop/v1/t/{ids[i]}/rating", TestApp.Rating(boot, seq, TestApp.NowMs, score: 1 + (seq % 5))));
                    if (ack.IsSuccess)
                    {
                        acked.Add($"{ids[i]}/{boot}/{seq}");
                    }
                }
            })));

            await PhaseAsync(0);
            await Tools.RunAsync("kill", ["-STOP", replicaA.ProcessId.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            await PhaseAsync(1); // about half of these go to the frozen replica a, which can never commit them
            replicaA.Kill();
            await replicaA.DisposeAsync();
            await PhaseAsync(2); // a is down: its session at Mosquitto keeps what it had and gets no new messages
            await Poll.UntilAsync(() => ExternalSetup.UnacknowledgedAsync(replicaB.Http), n => n == 0, TimeSpan.FromSeconds(30), "replica b to commit its share");
            var storedWhileADown = StoredKeys(database).Count;

            replicaA = await StartReplicaAsync(setup, "a");
            var expected = acked.ToHashSet(StringComparer.Ordinal);
            var stored = await Poll.UntilAsync(() => Task.FromResult(StoredKeys(database)), s => expected.IsSubsetOf(s), TimeSpan.FromSeconds(60),
                $"all {expected.Count} acknowledged ratings in PostgreSQL");
            await Poll.UntilAsync(async () => await ExternalSetup.UnacknowledgedAsync(replicaA.Http) + await ExternalSetup.UnacknowledgedAsync(replicaB.Http),
                n => n == 0, TimeSpan.FromSeconds(20), "both replicas to have acknowledged everything");

            using var c = database.Open();
            var rows = Count(c, "SELECT count(*) FROM ratings");
            var duplicateKeys = Count(c, "SELECT count(*) FROM (SELECT 1 FROM ratings GROUP BY terminal_id, boot, seq HAVING count(*) > 1) d");
            var rejections = Count(c, "SELECT count(*) FROM ingest_rejections");
            output.WriteLine($"sent {sent}, acknowledged by Mosquitto {acked.Count}, stored while replica a was down {storedWhileADown} " +
                $"(held for a: {expected.Count - storedWhileADown}), stored at the end {rows} rows / {stored.Count} distinct, duplicate rows {duplicateKeys}, rejections {rejections}");

            Assert.Equal(Terminals * RatingsPerPhase * 3, sent);
            Assert.Equal(sent, acked.Count);
            // The frozen replica really held messages: without its restart they would be missing.
            Assert.InRange(storedWhileADown, 1, expected.Count - 1);
            Assert.Equal(expected.Count, rows);
            Assert.Equal(0, duplicateKeys);
            Assert.Equal(0, rejections);
            Assert.True(stored.SetEquals(expected), "stored ratings that no terminal sent");
        }
        catch (Exception) when (Dump(setup, replicaA, replicaB))
        {
            throw;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            await replicaA.DisposeAsync();
        }
    }

    /// <summary>A replica: its own stable client id (own persistent session), same shared subscription group.</summary>
    private static Task<ServerProcess> StartReplicaAsync(ExternalSetup setup, string name)
    {
        var settings = setup.ServerSettings;
        settings["Mqtt:ClientId"] = "onestop-ingest-" + name;
        settings["Mqtt:SharedSubscription"] = "true"; // the replicas split the load: the frozen one really holds messages
        return ServerProcess.StartAsync(setup.Data.Path, [.. settings.SelectMany(kv => new[] { "--" + kv.Key, kv.Value! })]);
    }

    private static HashSet<string> StoredKeys(Database database)
    {
        using var c = database.Open();
        return c.Query("SELECT terminal_id, boot, seq FROM ratings", r => $"{r.GetString(0)}/{r.GetInt64(1)}/{r.GetInt64(2)}").ToHashSet(StringComparer.Ordinal);
    }

    private static long Count(System.Data.Common.DbConnection c, string sql) => Convert.ToInt64(c.Scalar(sql), CultureInfo.InvariantCulture);

    private bool Dump(ExternalSetup setup, ServerProcess a, ServerProcess b)
    {
        output.WriteLine("--- replica a ---\n" + a.Log + "\n--- replica b ---\n" + b.Log + "\n--- mosquitto ---\n" + setup.Broker.Log + "\n--- postgres ---\n" + postgres.Log);
        return false;
    }
}
