using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Organisation;

/// <summary>Units, counters and officers: upserts (single or in one transaction for imports) and reads.</summary>
public sealed class OrganisationStore(Database database)
{
    public IReadOnlyList<UnitRecord> Units()
    {
        using var c = database.Open();
        return c.Query("SELECT id, name, parent_id, valid_from, valid_to, require_service_event FROM units ORDER BY id",
            r => new UnitRecord(r.GetString(0), r.GetString(1), r.NullableString(2), r.Time(3), r.NullableTime(4), r.GetInt64(5) == 1));
    }

    public IReadOnlyList<CounterRecord> Counters()
    {
        using var c = database.Open();
        return c.Query("SELECT id, unit_id, name FROM counters ORDER BY id", r => new CounterRecord(r.GetString(0), r.GetString(1), r.GetString(2)));
    }

    public IReadOnlyList<OfficerRecord> Officers()
    {
        using var c = database.Open();
        return c.Query("SELECT id, name, unit_id, badge_uid FROM officers ORDER BY id",
            r => new OfficerRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3)));
    }

    public bool UnitExists(string id) => Exists("SELECT EXISTS (SELECT 1 FROM units WHERE id = $id)", id);

    public bool CounterExists(string id) => Exists("SELECT EXISTS (SELECT 1 FROM counters WHERE id = $id)", id);

    public bool OfficerExists(string id) => Exists("SELECT EXISTS (SELECT 1 FROM officers WHERE id = $id)", id);

    /// <summary>The officer holding a badge, other than <paramref name="exceptOfficer"/>.</summary>
    public string? BadgeHolder(string uid, string? exceptOfficer)
    {
        using var c = database.Open();
        return c.Scalar("SELECT id FROM officers WHERE badge_uid = $uid AND (CAST($except AS TEXT) IS NULL OR id <> $except)", ("$uid", uid), ("$except", exceptOfficer)) as string;
    }

    /// <summary>Writes units, counters and officers in one transaction (all or nothing).</summary>
    public void Save(IEnumerable<UnitRecord>? units = null, IEnumerable<CounterRecord>? counters = null, IEnumerable<OfficerRecord>? officers = null)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        foreach (var u in units ?? [])
        {
            c.Execute(tx, """
                INSERT INTO units (id, name, parent_id, valid_from, valid_to, require_service_event) VALUES ($id, $name, $parent, $from, $to, $req)
                ON CONFLICT (id) DO UPDATE SET name = $name, parent_id = $parent, valid_from = $from, valid_to = $to, require_service_event = $req
                """, ("$id", u.Id), ("$name", u.Name), ("$parent", u.ParentId), ("$from", u.ValidFrom.ToUnixTimeMilliseconds()),
                ("$to", ((DateTimeOffset?)u.ValidTo).Ms()), ("$req", u.RequireServiceEvent ? 1 : 0));
        }
        foreach (var k in counters ?? [])
        {
            c.Execute(tx, "INSERT INTO counters (id, unit_id, name) VALUES ($id, $unit, $name) ON CONFLICT (id) DO UPDATE SET unit_id = $unit, name = $name",
                ("$id", k.Id), ("$unit", k.UnitId), ("$name", k.Name));
        }
        foreach (var o in officers ?? [])
        {
            c.Execute(tx, """
                INSERT INTO officers (id, name, unit_id, badge_uid) VALUES ($id, $name, $unit, $badge)
                ON CONFLICT (id) DO UPDATE SET name = $name, unit_id = $unit, badge_uid = $badge
                """, ("$id", o.Id), ("$name", o.Name), ("$unit", o.UnitId), ("$badge", o.BadgeUid));
        }
        Evaluations.KeptReports.OrganisationChanged(c, tx); // kept monthly reports are out of date from this commit on
        tx.Commit();
    }

    private bool Exists(string sql, string id)
    {
        using var c = database.Open();
        return Convert.ToInt64(c.Scalar(sql, ("$id", id)), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
