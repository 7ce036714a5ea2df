using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Server.Tests.Terminals;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="TerminalRegistryTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TerminalRegistryOnPostgresTests(PostgresServer postgres) : TerminalRegistryTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
