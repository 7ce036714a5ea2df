using OneStop.Feedback.Server.Tests.Api;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="AccessTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessOnPostgresTests(PostgresServer postgres) : AccessTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
