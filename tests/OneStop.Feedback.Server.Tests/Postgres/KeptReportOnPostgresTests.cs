using OneStop.Feedback.Server.Tests.Evaluations;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary><see cref="KeptReportTests"/> again, with the server on PostgreSQL (the version rows' upsert and read).</summary>
[Collection(PostgresCollection.Name)]
public sealed class KeptReportOnPostgresTests(PostgresServer postgres) : KeptReportTests
{
    protected override TestApp NewApp() => postgres.NewApp(null, true);
}
