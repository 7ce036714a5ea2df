using OneStop.Feedback.Server.CsvImport;

namespace OneStop.Feedback.Server.Organisation;

/// <summary>
/// Checks units, counters and officers before they are written: ids, names, dates, and that every reference
/// (parent unit, a counter's unit, an officer's unit, badge ownership) exists in the store or in the same batch.
/// Row numbers are the caller's (CSV line or JSON index).
/// </summary>
public sealed class OrganisationValidator(OrganisationStore store)
{
    private const int MaxName = 200;

    public (List<UnitRecord> Valid, List<RowError> Errors) Units(IReadOnlyList<(int Row, UnitRequest Request)> rows)
    {
        var errors = new List<RowError>();
        var valid = new List<UnitRecord>();
        var batch = rows.Select(r => r.Request.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unitExists = UnitLookup();
        foreach (var (row, u) in rows)
        {
            var before = errors.Count;
            Id(row, u.Id, seen, errors);
            Name(row, u.Name, errors);
            if (u.ValidFrom is null)
            {
                errors.Add(new RowError(row, "validFrom", "required (ISO 8601, e.g. 2025-07-01T00:00:00+07:00)"));
            }
            else if (!TimeText.InRange(u.ValidFrom.Value))
            {
                errors.Add(new RowError(row, "validFrom", "must be in the years 1970-2099"));
            }
            else if (u.ValidTo is { } outside && !TimeText.InRange(outside))
            {
                errors.Add(new RowError(row, "validTo", "must be in the years 1970-2099"));
            }
            else if (u.ValidTo is { } to && to <= u.ValidFrom)
            {
                errors.Add(new RowError(row, "validTo", "must be after validFrom"));
            }
            if (u.ParentId is { Length: > 0 } parent && (parent == u.Id || !(batch.Contains(parent) || unitExists(parent))))
            {
                errors.Add(new RowError(row, "parentId", $"unit '{FreeText.Show(parent)}' does not exist"));
            }
            if (errors.Count == before)
            {
                valid.Add(new UnitRecord(u.Id!, u.Name!.Trim(), string.IsNullOrEmpty(u.ParentId) ? null : u.ParentId, u.ValidFrom!.Value, u.ValidTo, u.RequireServiceEvent ?? false));
            }
        }
        return (valid, errors);
    }

    public (List<CounterRecord> Valid, List<RowError> Errors) Counters(IReadOnlyList<(int Row, CounterRequest Request)> rows)
    {
        var errors = new List<RowError>();
        var valid = new List<CounterRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unitExists = UnitLookup();
        foreach (var (row, k) in rows)
        {
            var before = errors.Count;
            Id(row, k.Id, seen, errors);
            Name(row, k.Name, errors);
            Unit(row, k.UnitId, unitExists, errors);
            if (errors.Count == before)
            {
                valid.Add(new CounterRecord(k.Id!, k.UnitId!, k.Name!.Trim()));
            }
        }
        return (valid, errors);
    }

    public (List<OfficerRecord> Valid, List<RowError> Errors) Officers(IReadOnlyList<(int Row, OfficerRequest Request)> rows)
    {
        var errors = new List<RowError>();
        var valid = new List<OfficerRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var badges = new Dictionary<string, string>(StringComparer.Ordinal);
        var unitExists = UnitLookup();
        foreach (var (row, o) in rows)
        {
            var before = errors.Count;
            Id(row, o.Id, seen, errors);
            Name(row, o.Name, errors);
            Unit(row, o.UnitId, unitExists, errors);
            var badge = string.IsNullOrWhiteSpace(o.BadgeUid) ? null : o.BadgeUid.Trim().ToUpperInvariant();
            if (badge is not null)
            {
                if (!ReferenceId.IsBadgeUid(badge))
                {
                    errors.Add(new RowError(row, "badgeUid", "8 to 20 hexadecimal digits (4 to 10 bytes)"));
                }
                else if (!badges.TryAdd(badge, o.Id ?? "") || store.BadgeHolder(badge, o.Id) is { } holder && !seen.Contains(holder))
                {
                    errors.Add(new RowError(row, "badgeUid", $"badge {badge} already belongs to another officer"));
                }
            }
            if (errors.Count == before)
            {
                valid.Add(new OfficerRecord(o.Id!, o.Name!.Trim(), o.UnitId!, badge));
            }
        }
        return (valid, errors);
    }

    private static void Id(int row, string? id, HashSet<string> seen, List<RowError> errors)
    {
        if (!ReferenceId.IsValid(id))
        {
            errors.Add(new RowError(row, "id", "1-64 characters of A-Z, a-z, 0-9, '_', '-' and '.'"));
        }
        else if (!seen.Add(id!))
        {
            errors.Add(new RowError(row, "id", $"'{FreeText.Show(id)}' appears twice in this request"));
        }
    }

    private static void Name(int row, string? name, List<RowError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxName)
        {
            errors.Add(new RowError(row, "name", $"required, at most {MaxName} characters"));
        }
        else if (FreeText.Problem(name) is { } problem)
        {
            errors.Add(new RowError(row, "name", problem));
        }
    }

    /// <summary>Asks the store once per unit id and batch: a 50,000-row import names the same few units again and again.</summary>
    private Func<string, bool> UnitLookup()
    {
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        return id => known.TryGetValue(id, out var exists) ? exists : known[id] = store.UnitExists(id);
    }

    private static void Unit(int row, string? unitId, Func<string, bool> unitExists, List<RowError> errors)
    {
        if (unitId is null || !unitExists(unitId))
        {
            errors.Add(new RowError(row, "unitId", $"unit '{FreeText.Show(unitId)}' does not exist"));
        }
    }
}
