using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Replicas;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="ConcurrentStoreTests"/> again, on PostgreSQL (where the writers really run in parallel).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentStoreOnPostgresTests(PostgresServer postgres) : ConcurrentStoreTests
{
    protected override Database NewDatabase() =>
        Own(new Database(Options.Create(new StorageOptions { Relational = "postgres", PostgresConnectionString = postgres.NewDatabase() })));
}
