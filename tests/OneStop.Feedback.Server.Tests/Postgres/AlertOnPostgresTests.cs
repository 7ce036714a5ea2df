using OneStop.Feedback.Server.Tests.Alerts;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="AlertTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertOnPostgresTests(PostgresServer postgres) : AlertTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
