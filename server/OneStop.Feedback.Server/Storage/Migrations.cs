using System.Data.Common;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// The schema, as an ordered list of steps. The database records how many steps it has applied (SQLite:
/// <c>PRAGMA user_version</c>; PostgreSQL: table <c>schema_version</c>); at start the missing ones run in one
/// transaction each. Steps are append-only: never edit a shipped step, add a new one. Steps are written once, in
/// SQLite's DDL (INTEGER, TEXT, BLOB, <c>id INTEGER PRIMARY KEY</c>), and <see cref="SqlDialect.TranslateSchema"/>
/// turns them into PostgreSQL's (BIGINT, TEXT, BYTEA, identity), so both engines reach the same version.
/// </summary>
public static class Migrations
{
    private static readonly string[] Steps =
    [
        // 1: terminal registry, ratings, rejections, terminal events, API tokens.
        """
        CREATE TABLE terminals (
            id                TEXT PRIMARY KEY,
            counter_id        TEXT,
            name              TEXT NOT NULL,
            secret_hash       TEXT NOT NULL,
            created_at        INTEGER NOT NULL,
            secret_rotated_at INTEGER NOT NULL,
            last_seen_at      INTEGER,
            status            TEXT,
            status_at         INTEGER,
            status_detail     TEXT
        );
        CREATE TABLE ratings (
            id           INTEGER PRIMARY KEY,
            terminal_id  TEXT NOT NULL,
            boot         INTEGER NOT NULL,
            seq          INTEGER NOT NULL,
            scale        INTEGER NOT NULL,
            score        INTEGER NOT NULL,
            listen       INTEGER,
            explain      INTEGER,
            trust        INTEGER,
            apologize    INTEGER,
            thank        INTEGER,
            terminal_ts  INTEGER NOT NULL,
            occurred_at  INTEGER NOT NULL,
            received_at  INTEGER NOT NULL,
            clock_synced INTEGER NOT NULL,
            UNIQUE (terminal_id, boot, seq)
        );
        CREATE INDEX ix_ratings_occurred ON ratings (occurred_at);
        CREATE INDEX ix_ratings_terminal_occurred ON ratings (terminal_id, occurred_at);
        CREATE TABLE ingest_rejections (
            id           INTEGER PRIMARY KEY,
            received_at  INTEGER NOT NULL,
            terminal_id  TEXT,
            topic        TEXT NOT NULL,
            reason       TEXT NOT NULL,
            detail       TEXT,
            payload      BLOB,
            payload_size INTEGER NOT NULL
        );
        CREATE INDEX ix_rejections_received ON ingest_rejections (received_at);
        CREATE TABLE terminal_events (
            id          INTEGER PRIMARY KEY,
            terminal_id TEXT NOT NULL,
            boot        INTEGER NOT NULL,
            seq         INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            terminal_ts INTEGER NOT NULL,
            occurred_at INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            body        TEXT NOT NULL,
            UNIQUE (terminal_id, boot, seq)
        );
        CREATE TABLE api_tokens (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            role       TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        """,
        // 2: reference data for attribution: organisation tree, counters, officers, terminal assignments,
        //    shifts, service events and dossiers. Times are unix ms (UTC).
        """
        CREATE TABLE units (
            id                    TEXT PRIMARY KEY,
            name                  TEXT NOT NULL,
            parent_id             TEXT,
            valid_from            INTEGER NOT NULL,
            valid_to              INTEGER,
            require_service_event INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE counters (
            id      TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL,
            name    TEXT NOT NULL
        );
        CREATE TABLE officers (
            id        TEXT PRIMARY KEY,
            name      TEXT NOT NULL,
            unit_id   TEXT NOT NULL,
            badge_uid TEXT UNIQUE
        );
        CREATE TABLE terminal_assignments (
            terminal_id TEXT NOT NULL,
            counter_id  TEXT NOT NULL,
            from_at     INTEGER NOT NULL,
            PRIMARY KEY (terminal_id, from_at)
        );
        INSERT INTO terminal_assignments (terminal_id, counter_id, from_at)
            SELECT id, counter_id, 0 FROM terminals WHERE counter_id IS NOT NULL;
        CREATE TABLE shifts (
            id         INTEGER PRIMARY KEY,
            officer_id TEXT NOT NULL,
            counter_id TEXT NOT NULL,
            start_at   INTEGER NOT NULL,
            end_at     INTEGER,
            source     TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX ix_shifts_counter_start ON shifts (counter_id, start_at);
        CREATE INDEX ix_shifts_officer_start ON shifts (officer_id, start_at);
        CREATE TABLE service_events (
            id          INTEGER PRIMARY KEY,
            dossier     TEXT NOT NULL,
            procedure   TEXT,
            kind        TEXT NOT NULL,
            counter_id  TEXT NOT NULL,
            officer_id  TEXT,
            at          INTEGER NOT NULL,
            due         INTEGER,
            imported_at INTEGER NOT NULL,
            UNIQUE (dossier, kind, counter_id, at)
        );
        CREATE INDEX ix_service_events_counter_at ON service_events (counter_id, at);
        CREATE TABLE dossiers (
            code         TEXT PRIMARY KEY,
            procedure    TEXT,
            counter_id   TEXT,
            received_at  INTEGER,
            due_at       INTEGER,
            returned_at  INTEGER,
            completed_at INTEGER
        );
        """,
        // 3: attribution results, daily aggregates for fast monthly reports, appeals and the audit trail.
        //    Days are Vietnam calendar days 'yyyy-MM-dd'; officer_id '' in daily_aggregates = no officer.
        """
        CREATE TABLE attribution_dirty (
            counter_id TEXT NOT NULL,
            day        TEXT NOT NULL,
            marked_at  INTEGER NOT NULL,
            PRIMARY KEY (counter_id, day)
        );
        CREATE TABLE rating_attributions (
            rating_id        INTEGER PRIMARY KEY,
            counter_id       TEXT NOT NULL,
            day              TEXT NOT NULL,
            officer_id       TEXT,
            method           TEXT NOT NULL,
            service_event_id INTEGER,
            dossier          TEXT,
            flags            INTEGER NOT NULL
        );
        CREATE INDEX ix_attributions_counter_day ON rating_attributions (counter_id, day);
        CREATE INDEX ix_attributions_officer_day ON rating_attributions (officer_id, day);
        CREATE TABLE daily_aggregates (
            day                   TEXT NOT NULL,
            counter_id            TEXT NOT NULL,
            officer_id            TEXT NOT NULL,
            ratings               INTEGER NOT NULL,
            flagged               INTEGER NOT NULL,
            too_soon              INTEGER NOT NULL,
            duplicate_for_dossier INTEGER NOT NULL,
            no_service            INTEGER NOT NULL,
            voided                INTEGER NOT NULL,
            clock_unsynced        INTEGER NOT NULL,
            satisfied             INTEGER NOT NULL,
            linked                INTEGER NOT NULL,
            services              INTEGER NOT NULL,
            levels                TEXT NOT NULL,
            criteria              TEXT NOT NULL,
            PRIMARY KEY (day, counter_id, officer_id)
        );
        CREATE TABLE appeals (
            id              INTEGER PRIMARY KEY,
            rating_id       INTEGER NOT NULL,
            officer_id      TEXT NOT NULL,
            reason          TEXT NOT NULL,
            status          TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            created_by      TEXT NOT NULL,
            decided_at      INTEGER,
            decided_by      TEXT,
            decision_reason TEXT
        );
        CREATE INDEX ix_appeals_rating ON appeals (rating_id);
        CREATE TABLE audit_log (
            id      INTEGER PRIMARY KEY,
            at      INTEGER NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail  TEXT
        );
        """,
        // 4: alerts raised per unit (kept after they clear).
        """
        CREATE TABLE alerts (
            id         INTEGER PRIMARY KEY,
            unit_id    TEXT NOT NULL,
            raised_at  INTEGER NOT NULL,
            cleared_at INTEGER,
            ratings    INTEGER NOT NULL,
            low        INTEGER NOT NULL
        );
        CREATE INDEX ix_alerts_unit ON alerts (unit_id, raised_at);
        """,
        // 5: monthly roll-up of the daily aggregates per (month, counter, officer), kept by the attribution worker,
        //    so a province's monthly report reads a few thousand rows instead of tens of thousands.
        """
        CREATE TABLE monthly_aggregates (
            month                 TEXT NOT NULL,
            counter_id            TEXT NOT NULL,
            officer_id            TEXT NOT NULL,
            ratings               INTEGER NOT NULL,
            flagged               INTEGER NOT NULL,
            too_soon              INTEGER NOT NULL,
            duplicate_for_dossier INTEGER NOT NULL,
            no_service            INTEGER NOT NULL,
            voided                INTEGER NOT NULL,
            clock_unsynced        INTEGER NOT NULL,
            satisfied             INTEGER NOT NULL,
            linked                INTEGER NOT NULL,
            services              INTEGER NOT NULL,
            levels                TEXT NOT NULL,
            criteria              TEXT NOT NULL,
            PRIMARY KEY (month, counter_id, officer_id)
        );
        """,
        // 6: the time-series outbox (lines for InfluxDB, drained in id order), the last line queued per point (to queue
        //    only changes, and tombstones for points a re-attribution moved), counter-days waiting for a full outbox,
        //    and lines InfluxDB refused as malformed. See docs/timeseries.md.
        """
        CREATE TABLE timeseries_outbox (
            id          INTEGER PRIMARY KEY,
            line        TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL
        );
        CREATE TABLE timeseries_points (
            point_key  TEXT PRIMARY KEY,
            counter_id TEXT NOT NULL,
            day        TEXT NOT NULL,
            identity   TEXT NOT NULL,
            line       TEXT NOT NULL,
            tombstone  TEXT NOT NULL
        );
        CREATE INDEX ix_timeseries_points_counter_day ON timeseries_points (counter_id, day);
        CREATE TABLE timeseries_deferred (
            counter_id  TEXT NOT NULL,
            day         TEXT NOT NULL,
            deferred_at INTEGER NOT NULL,
            PRIMARY KEY (counter_id, day)
        );
        CREATE TABLE timeseries_rejected (
            id          INTEGER PRIMARY KEY,
            line        TEXT NOT NULL,
            error       TEXT NOT NULL,
            rejected_at INTEGER NOT NULL
        );
        """,
        // 7: dashboard accounts (PBKDF2 password hashes, role and scope, lockout) and API tokens bound to an account.
        """
        CREATE TABLE users (
            id            INTEGER PRIMARY KEY,
            username      TEXT NOT NULL UNIQUE,
            display_name  TEXT,
            password_hash TEXT NOT NULL,
            role          TEXT NOT NULL,
            unit_id       TEXT,
            officer_id    TEXT,
            stamp         TEXT NOT NULL,
            failed_logins INTEGER NOT NULL,
            locked_until  INTEGER,
            disabled_at   INTEGER,
            created_at    INTEGER NOT NULL
        );
        ALTER TABLE api_tokens ADD COLUMN user_id INTEGER REFERENCES users (id);
        """,
        // 8: apology letters of late dossiers: what the office typed in (applicant, new return date as a Vietnam
        //    calendar day 'yyyy-MM-dd', reason), who last changed it, and who sent the letter when.
        """
        CREATE TABLE apology_letters (
            dossier      TEXT PRIMARY KEY,
            citizen_name TEXT,
            new_due      TEXT,
            reason       TEXT,
            updated_by   TEXT NOT NULL,
            updated_at   INTEGER NOT NULL,
            sent_by      TEXT,
            sent_at      INTEGER
        );
        """,
        // 9: indexes for the dossier queries (received or completed in the month, or still open and due before its
        //    end): each arm of the late-dossier query's OR reads a range of one index instead of scanning every
        //    dossier, and the second index covers the report's per-counter counts of the dossiers completed in a
        //    month, so they are counted from the index alone.
        """
        CREATE INDEX ix_dossiers_received ON dossiers (received_at);
        CREATE INDEX ix_dossiers_completed_due ON dossiers (completed_at, due_at, counter_id, received_at);
        """,
        // 10: one officer's monthly roll-up rows over a year (the officer page's 12-month trend) without reading every
        //     officer's rows of those months.
        """
        CREATE INDEX ix_monthly_aggregates_officer ON monthly_aggregates (officer_id, month);
        """,
        // 11: the month's per-counter dossier counts, kept once computed and valid only while no dossier changed:
        //     every write to dossiers bumps dossier_version in its transaction, and counts computed under another
        //     version are never used (Dossiers/DossierCountCache); and the late-dossier list reads a range of due_at.
        """
        CREATE INDEX ix_dossiers_due ON dossiers (due_at, completed_at, received_at, counter_id);
        CREATE TABLE dossier_version (
            name    TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        );
        INSERT INTO dossier_version (name, version) VALUES ('dossiers', 0);
        CREATE TABLE dossier_count_months (
            month   TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        );
        CREATE TABLE dossier_counts (
            month      TEXT NOT NULL,
            counter_id TEXT NOT NULL,
            completed  INTEGER NOT NULL,
            with_due   INTEGER NOT NULL,
            on_time    INTEGER NOT NULL,
            late       INTEGER NOT NULL,
            PRIMARY KEY (month, counter_id)
        );
        """,
    ];

    /// <summary>Number of steps this build knows; a database with a higher version was written by a newer build.</summary>
    public static int LatestVersion => Steps.Length;

    /// <summary>Opens a connection and applies the missing steps; returns how many ran.</summary>
    public static int Apply(Database database)
    {
        using var connection = database.Open();
        return Apply(connection, database.Dialect);
    }

    /// <summary>Applies the missing steps. Refuses to touch a database written by a newer build.</summary>
    public static int Apply(DbConnection connection, SqlDialect dialect)
    {
        var applied = 0;
        while (true)
        {
            // Replicas starting together: the lock makes one of them migrate and the others see the result.
            using var tx = connection.BeginTransaction();
            dialect.LockForWork(connection, tx, SqlDialect.Work.Migrations);
            var current = dialect.SchemaVersion(connection, tx);
            if (current > Steps.Length)
            {
                throw new InvalidOperationException(
                    $"The database schema is version {current}, newer than this build knows ({Steps.Length}). Run a newer server.");
            }
            if (current == Steps.Length)
            {
                tx.Commit();
                return applied;
            }
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = dialect.TranslateSchema(Steps[current]) + "\n" + dialect.SetSchemaVersion(current + 1);
            command.ExecuteNonQuery();
            tx.Commit();
            applied++;
        }
    }

    /// <summary>The schema text of every step as the given engine runs it (documentation and tests).</summary>
    public static IEnumerable<string> StepsFor(SqlDialect dialect) => Steps.Select(dialect.TranslateSchema);
}
