using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>Every test of <see cref="ReferenceDataTests"/> again, with the server on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReferenceDataOnPostgresTests(PostgresServer postgres) : ReferenceDataTests
{
    protected override TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) =>
        postgres.NewApp(settings, withAdminToken);
}
