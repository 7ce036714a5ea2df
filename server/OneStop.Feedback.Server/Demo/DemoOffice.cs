using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Demo;

/// <summary>
/// Seeds the demo office once: a small unit tree (a provincial centre with a ward and a commune centre), six
/// counters with terminals, ten officers with badges, and about two months of working days of shifts, service
/// events, dossiers and ratings, generated from a fixed seed so every demo shows the same plausible history.
/// Officers differ in how well they serve, so the monthly report has a real ranking. Everything goes through
/// the normal attribution worker afterwards (the counter-days are marked dirty), so the demo exercises the
/// real evaluation path.
/// </summary>
public static class DemoOffice
{
    public const string Province = "TT-TINH";

    private static readonly (string Id, string Name, string? Parent)[] Units =
    [
        (Province, "Trung tâm Phục vụ hành chính công tỉnh", null),
        ("P-BADINH", "Trung tâm PVHCC phường Ba Đình", Province),
        ("X-DONGANH", "Trung tâm PVHCC xã Đông Anh", Province),
    ];

    private static readonly (string Id, string Name, string Unit, double Skill)[] Officers =
    [
        ("CB-01", "Nguyễn Văn An", "P-BADINH", 0.93), ("CB-02", "Trần Thị Bình", "P-BADINH", 0.86), ("CB-03", "Lê Minh Châu", "P-BADINH", 0.78),
        ("CB-04", "Phạm Thu Dung", "P-BADINH", 0.90), ("CB-05", "Hoàng Văn Em", "P-BADINH", 0.70),
        ("CB-06", "Vũ Thị Giang", "X-DONGANH", 0.88), ("CB-07", "Đặng Quốc Hùng", "X-DONGANH", 0.82), ("CB-08", "Bùi Thị Lan", "X-DONGANH", 0.95),
        ("CB-09", "Đỗ Văn Minh", "X-DONGANH", 0.74), ("CB-10", "Ngô Thị Ngọc", "X-DONGANH", 0.85),
    ];

    private static readonly string[] Procedures =
        ["Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký thường trú", "Cấp giấy xác nhận tình trạng hôn nhân", "Đăng ký kết hôn", "Cấp giấy phép xây dựng"];

    /// <summary>Seeds when the database has no units yet; returns the number of ratings generated.</summary>
    public static int Seed(IServiceProvider services)
    {
        var database = services.GetRequiredService<Database>();
        var registry = services.GetRequiredService<TerminalRegistry>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        using var c = database.Open();
        if (Convert.ToInt64(c.Scalar("SELECT count(*) FROM units"), CultureInfo.InvariantCulture) > 0)
        {
            return 0;
        }
        for (var i = 1; i <= 6; i++)
        {
            var counter = "Q" + i.ToString("00", CultureInfo.InvariantCulture);
            registry.Create("demo-" + counter.ToLowerInvariant(), counter, $"Quầy {i}");
        }
        using var tx = c.BeginTransaction();
        var firstDay = new DateOnly(now.ToOffset(VietnamTime.Offset).Year, now.ToOffset(VietnamTime.Offset).Month, 1).AddMonths(-2);
        foreach (var (id, name, parent) in Units)
        {
            c.Execute(tx, "INSERT INTO units (id, name, parent_id, valid_from, require_service_event) VALUES ($id, $n, $p, $from, 0)",
                ("$id", id), ("$n", name), ("$p", parent), ("$from", VietnamTime.StartOf(new DateOnly(2025, 7, 1)).ToUnixTimeMilliseconds()));
        }
        for (var i = 1; i <= 6; i++)
        {
            c.Execute(tx, "INSERT INTO counters (id, unit_id, name) VALUES ($id, $u, $n)",
                ("$id", "Q" + i.ToString("00", CultureInfo.InvariantCulture)), ("$u", i <= 3 ? "P-BADINH" : "X-DONGANH"), ("$n", $"Quầy {i}"));
        }
        foreach (var (id, name, unit, _) in Officers)
        {
            c.Execute(tx, "INSERT INTO officers (id, name, unit_id, badge_uid) VALUES ($id, $n, $u, $b)",
                ("$id", id), ("$n", name), ("$u", unit), ("$b", "04A1B2" + id[3..].PadLeft(2, '0')));
        }
        var ratings = History(c, tx, new Random(2026), firstDay, now);
        Dossiers.DossierCountCache.Changed(c, tx);
        Evaluations.KeptReports.OrganisationChanged(c, tx);
        tx.Commit();
        return ratings;
    }

    private static int History(DbConnection c, DbTransaction tx, Random random, DateOnly firstDay, DateTimeOffset now)
    {
        var seq = new Dictionary<string, long>(StringComparer.Ordinal);
        var dossierNo = 0;
        var ratings = 0;
        var today = VietnamTime.DayOf(now);
        for (var day = firstDay; day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Sunday || (day.DayOfWeek is DayOfWeek.Saturday && day.Day % 2 == 0))
            {
                continue; // one-stop centres work Monday–Friday and some Saturday mornings
            }
            for (var k = 1; k <= 6; k++)
            {
                var counter = "Q" + k.ToString("00", CultureInfo.InvariantCulture);
                var terminal = "demo-" + counter.ToLowerInvariant();
                var unitOfficers = Officers.Where(o => o.Unit == (k <= 3 ? "P-BADINH" : "X-DONGANH")).ToArray();
                var officer = unitOfficers[(day.DayNumber + k) % unitOfficers.Length];
                var start = VietnamTime.StartOf(day).AddHours(7.5);
                var end = VietnamTime.StartOf(day).AddHours(day.DayOfWeek == DayOfWeek.Saturday ? 11.5 : 17);
                c.Execute(tx, "INSERT INTO shifts (officer_id, counter_id, start_at, end_at, source, created_at) VALUES ($o, $c, $s, $e, 'badge', $s)",
                    ("$o", officer.Id), ("$c", counter), ("$s", start.ToUnixTimeMilliseconds()), ("$e", end.ToUnixTimeMilliseconds()));
                for (var t = start.AddMinutes(random.Next(3, 15)); t < end; t = t.AddMinutes(random.Next(8, 25)))
                {
                    var local = t.ToOffset(VietnamTime.Offset);
                    if (local.Hour * 60 + local.Minute is >= 690 and < 810)
                    {
                        continue; // lunch break 11:30–13:30
                    }
                    var code = $"HS-{day:yyMMdd}-{++dossierNo:00000}";
                    var procedure = Procedures[random.Next(Procedures.Length)];
                    var due = t.AddDays(random.Next(1, 6));
                    c.Execute(tx, "INSERT INTO service_events (dossier, procedure, kind, counter_id, officer_id, at, due, imported_at) VALUES ($d, $p, 'received', $c, NULL, $at, $due, $at)",
                        ("$d", code), ("$p", procedure), ("$c", counter), ("$at", t.ToUnixTimeMilliseconds()), ("$due", due.ToUnixTimeMilliseconds()));
                    var completed = random.NextDouble() < 0.88 ? due.AddHours(-random.Next(1, 30)) : due.AddHours(random.Next(2, 72));
                    c.Execute(tx, "INSERT INTO dossiers (code, procedure, counter_id, received_at, due_at, completed_at) VALUES ($d, $p, $c, $at, $due, $done)",
                        ("$d", code), ("$p", procedure), ("$c", counter), ("$at", t.ToUnixTimeMilliseconds()), ("$due", due.ToUnixTimeMilliseconds()),
                        ("$done", completed < now ? completed.ToUnixTimeMilliseconds() : null));
                    if (random.NextDouble() > 0.72)
                    {
                        continue; // not every citizen presses a button
                    }
                    var pressed = t.AddSeconds(random.Next(40, 240));
                    var score = Score(random, officer.Skill);
                    var s = seq[terminal] = seq.GetValueOrDefault(terminal) + 1;
                    int? Criterion() => random.NextDouble() < 0.35 ? Math.Clamp(score + random.Next(-1, 2), 1, 5) : null;
                    c.Execute(tx, """
                        INSERT INTO ratings (terminal_id, boot, seq, scale, score, listen, explain, trust, apologize, thank, terminal_ts, occurred_at, received_at, clock_synced)
                        VALUES ($t, 1, $seq, 5, $score, $l, $e, $tr, $a, $th, $at, $at, $rec, 1)
                        """, ("$t", terminal), ("$seq", s), ("$score", score), ("$l", Criterion()), ("$e", Criterion()), ("$tr", Criterion()),
                        ("$a", Criterion()), ("$th", Criterion()), ("$at", pressed.ToUnixTimeMilliseconds()), ("$rec", pressed.AddMilliseconds(120).ToUnixTimeMilliseconds()));
                    ratings++;
                    if (random.NextDouble() < 0.02)
                    {
                        // An impatient second press: flagged too-soon by the attribution, kept and counted apart.
                        var again = seq[terminal] = s + 1;
                        c.Execute(tx, "INSERT INTO ratings (terminal_id, boot, seq, scale, score, terminal_ts, occurred_at, received_at, clock_synced) VALUES ($t, 1, $seq, 5, 1, $at, $at, $at, 1)",
                            ("$t", terminal), ("$seq", again), ("$at", pressed.AddSeconds(2).ToUnixTimeMilliseconds()));
                        ratings++;
                    }
                }
                DirtyCounterDays.Mark(c, tx, [new CounterDay(counter, day)], now.ToUnixTimeMilliseconds() - 60_000);
            }
        }
        return ratings;
    }

    /// <summary>A 1–5 score: the officer's skill is the chance of a satisfied (4–5) answer.</summary>
    private static int Score(Random random, double skill)
    {
        var roll = random.NextDouble();
        return roll < skill * 0.6 ? 5 : roll < skill ? 4 : roll < skill + (1 - skill) * 0.5 ? 3 : roll < skill + (1 - skill) * 0.8 ? 2 : 1;
    }
}
