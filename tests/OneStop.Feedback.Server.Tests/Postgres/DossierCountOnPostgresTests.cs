using OneStop.Feedback.Server.Tests.Evaluations;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary><see cref="DossierCountTests"/> again, with the server on PostgreSQL (its sum() and count() types differ).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DossierCountOnPostgresTests(PostgresServer postgres) : DossierCountTests
{
    protected override TestApp NewApp() => postgres.NewApp(null, true);
}
