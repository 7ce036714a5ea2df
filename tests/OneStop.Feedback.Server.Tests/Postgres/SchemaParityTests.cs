using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Postgres;

/// <summary>The translated migration steps give PostgreSQL the same tables and columns as SQLite, with portable types.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaParityTests(PostgresServer postgres)
{
    [Fact]
    public void PostgresHasTheSameTablesAndColumnsAsSqlite()
    {
        using var folder = new TempDirectory("osf-schema");
        using var sqlite = new Database(Options.Create(new StorageOptions { DataDirectory = folder.Path }));
        using var pg = new Database(Options.Create(new StorageOptions { Relational = "postgres", PostgresConnectionString = postgres.NewDatabase() }));
        Migrations.Apply(sqlite);
        Migrations.Apply(pg);

        List<(string Table, string Column, string Type)> sqliteColumns, pgColumns;
        using (var c = sqlite.Open())
        {
            sqliteColumns = c.Query("""
                SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p
                WHERE m.type = 'table' ORDER BY m.name, p.name
                """, r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        using (var c = pg.Open())
        {
            pgColumns = c.Query("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'schema_version' ORDER BY table_name, column_name
                """, r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        }

        Assert.True(sqliteColumns.Count > 50, $"only {sqliteColumns.Count} columns");
        Assert.Equal(sqliteColumns.Select(c => $"{c.Table}.{c.Column}"), pgColumns.Select(c => $"{c.Table}.{c.Column}"));
        var expected = new Dictionary<string, string>(StringComparer.Ordinal) { ["INTEGER"] = "bigint", ["TEXT"] = "text", ["BLOB"] = "bytea" };
        Assert.Equal(sqliteColumns.Select(c => $"{c.Table}.{c.Column}:{expected[c.Type]}"), pgColumns.Select(c => $"{c.Table}.{c.Column}:{c.Type}"));
    }
}
