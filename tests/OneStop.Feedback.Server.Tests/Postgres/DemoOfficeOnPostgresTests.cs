using OneStop.Feedback.Server.Tests.Evaluations;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="DemoOfficeTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DemoOfficeOnPostgresTests(PostgresServer postgres) : DemoOfficeTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
