using OneStop.Feedback.Server.Tests.Ingest;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="BrokerIngestTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BrokerIngestOnPostgresTests(PostgresServer postgres) : BrokerIngestTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
