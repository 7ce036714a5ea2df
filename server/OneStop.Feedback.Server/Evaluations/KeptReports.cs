using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>
/// Monthly reports kept in memory, each tagged with the versions of everything it was computed from, and served
/// again only while those versions are unchanged in the database. A report reads the month's monthly roll-up rows
/// (written only by the attribution worker, which re-attributes after late shifts, service events and appeal
/// decisions), the organisation (units, counters, officers) and the month's dossier counts. Every write to those
/// bumps a named row of <c>dossier_version</c> in its own transaction: <c>dossiers</c> (<c>DossierCountCache.Changed</c>),
/// <see cref="Organisation"/> (<see cref="OrganisationChanged"/>) and one row per month of roll-ups
/// (<see cref="AggregatesChanged"/>), so a month whose ratings are still coming in does not invalidate the others.
/// The versions are read before the report is computed, so a write that lands while computing leaves a tag older than
/// the database and the next request computes again: a kept report is never older than the data it claims to show.
/// Versions live in the database, so replicas sharing it see each other's writes.
/// </summary>
public sealed class KeptReports
{
    /// <summary>The version row bumped by every write to units, counters and officers.</summary>
    public const string Organisation = "organisation";

    /// <summary>At most this many months are kept (a year's trend and the year before); beyond it the oldest kept is dropped.</summary>
    public const int MaximumMonths = 24;

    private readonly ConcurrentDictionary<Month, (Versions Versions, MonthlyReport Report)> _kept = new();

    /// <summary>The versions a month's report depends on: dossiers, organisation, and that month's roll-up rows.</summary>
    public readonly record struct Versions(long Dossiers, long Organisation, long Aggregates);

    /// <summary>Marks every kept report out of date; call in the transaction that writes units, counters or officers.</summary>
    public static void OrganisationChanged(DbConnection connection, DbTransaction? tx) => DataVersions.Bump(connection, tx, Organisation);

    /// <summary>Marks the kept report of the month out of date; call in the transaction that writes the month's roll-up rows.</summary>
    public static void AggregatesChanged(DbConnection connection, DbTransaction? tx, string month) => DataVersions.Bump(connection, tx, AggregatesName(month));

    /// <summary>The version row of one month's roll-up rows (<c>YYYY-MM</c>).</summary>
    public static string AggregatesName(string month) => "monthly_aggregates " + month;

    /// <summary>The current versions for <paramref name="month"/>, in one query (a row not written yet is version 0).</summary>
    public static Versions Read(DbConnection connection, Month month)
    {
        var aggregates = AggregatesName(month.ToString());
        var rows = connection.Query("SELECT name, version FROM dossier_version WHERE name IN ($dossiers, $org, $agg)",
            r => (Name: r.GetString(0), Version: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)), ("$dossiers", Dossiers.DossierCountCache.VersionName), ("$org", Organisation), ("$agg", aggregates));
        long Of(string name) => rows.Where(r => r.Name == name).Select(r => r.Version).FirstOrDefault();
        return new Versions(Of(Dossiers.DossierCountCache.VersionName), Of(Organisation), Of(aggregates));
    }

    /// <summary>The kept report of the month if it was computed under exactly these versions.</summary>
    public MonthlyReport? Find(Month month, Versions versions) =>
        _kept.TryGetValue(month, out var kept) && kept.Versions == versions ? kept.Report : null;

    /// <summary>Keeps a report computed after reading <paramref name="versions"/>.</summary>
    public void Keep(Month month, Versions versions, MonthlyReport report)
    {
        _kept[month] = (versions, report);
        while (_kept.Count > MaximumMonths)
        {
            _kept.TryRemove(_kept.Keys.MinBy(m => m.FirstDay), out _);
        }
    }
}
