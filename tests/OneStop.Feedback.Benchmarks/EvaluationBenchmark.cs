using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Storage;
using SkiaSharp;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// Monthly evaluation at province scale: generates (seeded) a month of ratings, service events, dossiers and shifts for
/// <c>--officers</c> officers at half as many counters into a fresh SQLite file, runs the server's real
/// attribution worker over it (which maintains the daily aggregates), then times the monthly report the API
/// serves. Prints generation and attribution rates and the report time (min and median of several runs).
/// </summary>
public static class EvaluationBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var officers = options.Number("officers", 1000);
        var ratings = options.Number("ratings", 1_000_000);
        var runs = Math.Max(1, options.Number("runs", 7)); // timed runs of each query and request
        var counters = Math.Max(1, officers / 2);
        var month = new Month(2026, 10);
        var keep = options.Text("data");
        var data = keep ?? Directory.CreateTempSubdirectory("osf-evalbench-").FullName;
        var marker = Path.Combine(data, "evaluation-benchmark.complete");
        var reuse = keep is not null && File.Exists(marker);
        Console.WriteLine($"evaluation benchmark: {officers:N0} officers, {counters:N0} counters, {ratings:N0} ratings in {month} (data in {data}{(reuse ? ", reused" : "")})");
        try
        {
            var database = new Database(Options.Create(new StorageOptions { DataDirectory = data }));
            var now = month.End.AddDays(3);
            var time = new FixedTime(now);
            if (!reuse)
            {
                foreach (var stale in Directory.GetFiles(data, "onestop.db*"))
                {
                    File.Delete(stale); // an interrupted earlier generation
                }
                await GenerateAndAttributeAsync(database, officers, counters, ratings, month, time);
                await File.WriteAllTextAsync(marker, $"{officers} officers, {ratings} ratings\n");
            }

            var queries = new EvaluationQueries(database, new OrganisationStore(database), Options.Create(new EvaluationOptions()), time);
            var times = new List<double>();
            MonthlyReport? report = null;
            for (var i = 0; i < runs; i++)
            {
                var run = Stopwatch.StartNew();
                report = queries.Compute(month); // computed each time, as after any change to its data
                times.Add(run.Elapsed.TotalMilliseconds);
            }
            var firstReport = times[0];
            times.Sort();
            var dossierQuery = Timed(runs, () => queries.Late(month).Count);
            // Where the time goes: loading the aggregates vs. the evaluation itself.
            var load = Stopwatch.StartNew();
            List<DailyAggregate> aggregates;
            using (var c = database.Open())
            {
                aggregates = c.Query($"SELECT {AttributionWriter.MonthlyColumns} FROM monthly_aggregates WHERE month = $m",
                    AttributionWriter.Read, ("$m", month.ToString()));
            }
            var loadMs = load.Elapsed.TotalMilliseconds;
            var org = new OrganisationStore(database);
            var input = new EvaluationInput(month,
                org.Units().Select(u => new OneStop.Feedback.Evaluation.Organisation.Unit(u.Id, u.Name, u.ParentId, u.ValidFrom, u.ValidTo, u.RequireServiceEvent)).ToList(),
                org.Counters().Select(k => new OneStop.Feedback.Evaluation.Organisation.Counter(k.Id, k.UnitId, k.Name)).ToList(),
                org.Officers().Select(o => new OneStop.Feedback.Evaluation.Organisation.Officer(o.Id, o.Name, o.UnitId, o.BadgeUid)).ToList(),
                aggregates, []);
            var evaluate = Stopwatch.StartNew();
            MonthlyEvaluator.Evaluate(input, new EvaluationOptions());
            Console.WriteLine($"  of which: loading {aggregates.Count:N0} monthly aggregates (per counter and officer) {loadMs:0.0} ms, evaluating {evaluate.Elapsed.TotalMilliseconds:0.0} ms");
            Console.WriteLine($"  the month's dossiers (the report's dossier query, timed through the late-dossier list): {dossierQuery.Describe()}");
            Console.WriteLine($"monthly report ({report!.Officers.Count:N0} officers, {report.Units.Count:N0} units, {report.Units.Max(u => u.Ratings):N0} ratings in the root unit): " +
                $"first {firstReport:0.0} ms, min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms (target ≤ 50 ms)");
            // What the API and pages call: the kept report while nothing it depends on changed (the first call computes it).
            var kept = Timed(runs, () => queries.Report(month).Units.Count);
            Console.WriteLine($"  kept report (the versions it depends on read, unchanged): {kept.Describe()}");
            // An office completes dossiers all day: each completion adds its difference to the kept dossier counts, so
            // the next report is computed again (the report itself changed) without counting the month's dossiers.
            var afterCompletion = AfterCompletions(database, queries, month, time, runs);
            Console.WriteLine($"  a dossier completed, then the report (counts kept up to date by the completion): {afterCompletion.Describe()}");
            // The report JSON of /api/v1/evaluations/units, as the API writes it (System.Text.Json, web defaults). A
            // source-generated context was tried for it and was slower here (1.9 vs 1.1 ms), so the API keeps the default.
            var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
            var jsonBytes = 0;
            var serialize = Timed(30, () => jsonBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report.Units, web).Length);
            Console.WriteLine($"  units JSON ({jsonBytes / 1024.0:N0} KiB), serializing: {serialize.Describe()}");
            Console.WriteLine($"database size: {new FileInfo(Path.Combine(data, "onestop.db")).Length / 1024.0 / 1024.0:N0} MiB");

            // The officer page's 12-month trend: one officer's monthly rows vs. the twelve whole reports it used to load.
            var trendMonths = MonthlyReports.TrendMonths(month);
            var trendFast = Timed(runs, () => queries.OfficerMonths("CB0010", trendMonths).Count);
            var trendSlow = Timed(1, () => trendMonths.Select(queries.Compute).Count());
            Console.WriteLine($"officer 12-month trend from the officer's monthly rows: {trendFast.Describe()}; as twelve whole reports (once): {trendSlow.Min:0.0} ms " +
                $"(ratio {trendSlow.Min / trendFast.Min:0}×)");

            // The chart PNG after the report: building the plot, drawing it, encoding the PNG (ours vs. ScottPlot's default).
            ChartFonts.Register(); // as the server does at start
            var text = OneStop.Feedback.Dashboard.Text.DashboardText.Vietnamese;
            var unitsPlot = UnitsSatisfactionChart.Create(month, report.Units, text);
            var build = Timed(7, () =>
            {
                UnitsSatisfactionChart.Create(month, report.Units, text);
                return 0;
            });
            var draw = Timed(7, () =>
            {
                using var surface = SKSurface.Create(new SKImageInfo(1200, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
                unitsPlot.Render(surface.Canvas, 1200, 600);
                return 0;
            });
            var pngBytes = 0;
            var png = Timed(7, () => pngBytes = ChartImage.Png(unitsPlot, 1200, 600).Length);
            var defaultBytes = 0;
            var scottPlotPng = Timed(7, () => defaultBytes = unitsPlot.GetImageBytes(1200, 600, ScottPlot.ImageFormat.Png).Length);
            // What a request does: a new plot each time, drawn once (a plot drawn again reuses what its first drawing measured).
            var fresh = Timed(15, () => ChartImage.Png(UnitsSatisfactionChart.Create(month, report.Units, text), 1200, 600).Length);
            Console.WriteLine($"chart PNG 1200×600 of {report.Units.Count} units, after the report: building the plot {build.Describe()}; drawing {draw.Describe()}");
            Console.WriteLine($"  a new plot each time, building + drawing + PNG (as a request does): {fresh.Describe()}");
            Console.WriteLine($"  drawing + PNG encoding (ChartImage.Png, {pngBytes / 1024.0:N0} KiB): {png.Describe()} (target ≤ 50 ms incl. the report)");
            Console.WriteLine($"  drawing + ScottPlot's default PNG encoding ({defaultBytes / 1024.0:N0} KiB): {scottPlotPng.Describe()} (ratio of medians {scottPlotPng.Median / png.Median:0.0}×)");

            SqliteConnection.ClearAllPools();
            await DashboardOverHttpAsync(data, month, runs, options.Text("baseline-server"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>
    /// The real server process on the generated data: the report, the dashboard pages and the chart PNGs over HTTP.
    /// With <paramref name="baselineDll"/>, a second build of the server runs on the same data at the same time and each
    /// request goes to one and then the other, so both see the same machine load; the ratio of medians is printed.
    /// </summary>
    private static async Task DashboardOverHttpAsync(string data, Month month, int runs, string? baselineDll)
    {
        Console.WriteLine($"starting the server on this data for the dashboard figures (client-side time over loopback, {runs} requests each" +
            (baselineDll is null ? ")" : $", alternating with the baseline {baselineDll})"));
        using var server = await ServerUnderTest.StartOnAsync(data);
        using var baseline = baselineDll is null ? null : await ServerUnderTest.StartBuildOnAsync(baselineDll, data);
        var m = month.ToString();
        (string Label, string Path, double? Target)[] requests =
        [
            ("report JSON  /api/v1/evaluations/units", $"/api/v1/evaluations/units?month={m}", 50),
            ("page  overview  /", $"/?month={m}", 300),
            ("page  unit  /units/U001", $"/units/U001?month={m}", 300),
            ("page  officer  /officers/CB0010 (12-month trend)", $"/officers/CB0010?month={m}", 300),
            ("page  late dossiers  /dossiers/late (page 1)", $"/dossiers/late?month={m}", 300),
            ("PNG 1200×600  units-satisfaction", $"/api/v1/charts/units-satisfaction?month={m}&format=png&width=1200&height=600", 50),
            ("PNG 1200×600  distribution of ROOT", $"/api/v1/charts/distribution?month={m}&unit=ROOT&format=png&width=1200&height=600", 50),
            ("PNG 1200×600  officer-criteria", $"/api/v1/charts/officer-criteria?month={m}&officer=CB0010&format=png&width=1200&height=600", 50),
            ("PNG 1200×600  officer-trend (12 months)", $"/api/v1/charts/officer-trend?month={m}&officer=CB0010&format=png&width=1200&height=600", 50),
        ];
        foreach (var (label, path, target) in requests)
        {
            var bytes = 0L;
            async Task<double> Get(ServerUnderTest on)
            {
                var clock = Stopwatch.StartNew();
                using var response = await on.Http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                var ms = clock.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
                }
                bytes = body.Length;
                return ms;
            }
            var times = new List<double>();
            var baseTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                if (baseline is not null)
                {
                    baseTimes.Add(await Get(baseline));
                }
                times.Add(await Get(server));
            }
            var timing = Summarize(times);
            Console.WriteLine($"  {label,-52} {timing.Describe()}, {bytes / 1024.0:N0} KiB{(target is { } t ? $" (target ≤ {t} ms)" : "")}");
            if (baseline is not null)
            {
                var before = Summarize(baseTimes);
                Console.WriteLine($"  {"  baseline build, same requests",-52} {before.Describe()} (ratio of medians {before.Median / timing.Median:0.0}×)");
            }
        }
    }

    private static Timing Summarize(List<double> times)
    {
        var first = times[0];
        var sorted = times.Order().ToList();
        return new Timing(first, sorted[0], sorted[sorted.Count / 2]);
    }

    private sealed record Timing(double First, double Min, double Median)
    {
        public string Describe() => $"first {First:0.0} ms, min {Min:0.0} ms, median {Median:0.0} ms";

        /// <summary>First, min and median of times in the order they were taken.</summary>
        public static Timing Of(List<double> times)
        {
            var first = times[0];
            var sorted = times.Order().ToList();
            return new Timing(first, sorted[0], sorted[sorted.Count / 2]);
        }
    }

    private static Timing Timed(int runs, Func<int> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Timing.Of(times);
    }

    private static async Task GenerateAndAttributeAsync(Database database, int officers, int counters, int ratings, Month month, TimeProvider time)
    {
        using (var c = database.Open())
        {
            Migrations.Apply(c, database.Dialect);
        }
        var clock = Stopwatch.StartNew();
        Generate(database, officers, counters, ratings, month);
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:0.0} s ({ratings / clock.Elapsed.TotalSeconds:N0} ratings/s incl. service events and shifts)");

        var attribution = Options.Create(new AttributionOptions());
        var worker = new AttributionWorker(database, attribution, time, NullLogger<AttributionWorker>.Instance);
        clock.Restart();
        var progress = Task.Run(async () =>
        {
            while (clock.IsRunning)
            {
                await Task.Delay(1000);
                Console.Write($"\r  attribution: {worker.Recomputed:N0} counter-days, {clock.Elapsed.TotalSeconds:0} s   ");
            }
        });
        worker.Drain();
        clock.Stop();
        await progress;
        Console.WriteLine($"\rattribution + daily aggregates: {worker.Recomputed:N0} counter-days in {clock.Elapsed.TotalSeconds:0.0} s ({ratings / clock.Elapsed.TotalSeconds:N0} ratings/s)");
    }

    /// <summary>A province: one root, a unit per 10 officers, two counters per unit-pair of officers, one terminal per counter.</summary>
    private static void Generate(Database database, int officers, int counters, int ratings, Month month)
    {
        var random = new Random(42);
        using var c = database.Open();
        using (var tx = c.BeginTransaction())
        {
            var from = month.Start.AddYears(-1).ToUnixTimeMilliseconds();
            c.Execute(tx, "INSERT INTO units (id, name, parent_id, valid_from) VALUES ('ROOT', 'Tỉnh', NULL, $f)", ("$f", from));
            for (var u = 0; u < (officers + 9) / 10; u++)
            {
                c.Execute(tx, "INSERT INTO units (id, name, parent_id, valid_from) VALUES ($id, $n, 'ROOT', $f)", ("$id", $"U{u:000}"), ("$n", $"Xã/phường {u}"), ("$f", from));
            }
            for (var o = 0; o < officers; o++)
            {
                c.Execute(tx, "INSERT INTO officers (id, name, unit_id) VALUES ($id, $n, $u)", ("$id", $"CB{o:0000}"), ("$n", $"Cán bộ {o}"), ("$u", $"U{o / 10:000}"));
            }
            for (var k = 0; k < counters; k++)
            {
                c.Execute(tx, "INSERT INTO counters (id, unit_id, name) VALUES ($id, $u, $n)", ("$id", $"Q{k:0000}"), ("$u", $"U{k * 2 / 10:000}"), ("$n", $"Quầy {k}"));
                c.Execute(tx, "INSERT INTO terminals (id, counter_id, name, secret_hash, created_at, secret_rotated_at) VALUES ($id, $c, $id, 'x', 0, 0)", ("$id", $"T{k:0000}"), ("$c", $"Q{k:0000}"));
                c.Execute(tx, "INSERT INTO terminal_assignments (terminal_id, counter_id, from_at) VALUES ($id, $c, 0)", ("$id", $"T{k:0000}"), ("$c", $"Q{k:0000}"));
            }
            tx.Commit();
        }
        var days = month.Days().ToArray();
        var perCounterDay = Math.Max(1, ratings / (counters * days.Length));
        var insertRating = c.Command("""
            INSERT INTO ratings (terminal_id, boot, seq, scale, score, listen, terminal_ts, occurred_at, received_at, clock_synced)
            VALUES ($t, 1, $seq, 5, $score, $l, $at, $at, $at, 1)
            """, ("$t", ""), ("$seq", 0L), ("$score", 0), ("$l", null), ("$at", 0L));
        var insertEvent = c.Command("INSERT INTO service_events (dossier, procedure, kind, counter_id, at, due, imported_at) VALUES ($d, $p, 'received', $c, $at, $due, $at)",
            ("$d", ""), ("$p", ""), ("$c", ""), ("$at", 0L), ("$due", 0L));
        var insertDossier = c.Command("""
            INSERT INTO dossiers (code, procedure, counter_id, received_at, due_at, returned_at, completed_at)
            VALUES ($d, $p, $c, $at, $due, $done, $done)
            """, ("$d", ""), ("$p", ""), ("$c", ""), ("$at", 0L), ("$due", 0L), ("$done", null));
        var dossierCounts = new int[3]; // on time, late, still open
        var now = month.End.AddDays(3).ToUnixTimeMilliseconds();
        var insertShift = c.Command("INSERT INTO shifts (officer_id, counter_id, start_at, end_at, source, created_at) VALUES ($o, $c, $s, $e, 'api', $s)",
            ("$o", ""), ("$c", ""), ("$s", 0L), ("$e", 0L));
        var written = 0;
        var tx2 = c.BeginTransaction();
        foreach (var command in new[] { insertRating, insertEvent, insertDossier, insertShift })
        {
            command.Transaction = tx2;
        }
        for (var k = 0; k < counters; k++)
        {
            long seq = 0;
            foreach (var day in days)
            {
                var open = VietnamTime.StartOf(day).AddHours(7.5);
                var span = TimeSpan.FromHours(9.5).TotalMilliseconds;
                // Morning and afternoon shifts by the counter's two officers.
                Run(insertShift, $"CB{(2 * k) % officers:0000}", $"Q{k:0000}", open.ToUnixTimeMilliseconds(), open.AddHours(4.75).ToUnixTimeMilliseconds());
                Run(insertShift, $"CB{(2 * k + 1) % officers:0000}", $"Q{k:0000}", open.AddHours(4.75).ToUnixTimeMilliseconds(), open.AddHours(9.5).ToUnixTimeMilliseconds());
                var step = span / perCounterDay;
                for (var i = 0; i < perCounterDay; i++)
                {
                    var at = open.ToUnixTimeMilliseconds() + (long)(i * step);
                    if (i % 2 == 0)
                    {
                        // A dossier received at the counter for every second rating: a procedure with 1–10 days to
                        // complete; 90 % completed on time, 6 % late, the rest still open (late once past due).
                        var code = $"HS{k:0000}-{day:MMdd}-{i:0000}";
                        var procedure = random.Next(40);
                        var received = at - 30_000;
                        var due = received + (1 + procedure % 10) * 86_400_000L;
                        var fate = random.NextDouble();
                        long? done = fate < 0.90 ? received + (long)((due - received) * (0.2 + 0.8 * random.NextDouble()))
                            : fate < 0.96 ? due + (long)(random.NextDouble() * 5 * 86_400_000L)
                            : null;
                        if (done > now)
                        {
                            done = null; // not completed yet on the day of the report
                        }
                        dossierCounts[done is null ? 2 : done > due ? 1 : 0]++;
                        var procedureCode = $"TTHC-{procedure + 1:00}";
                        Run(insertEvent, code, procedureCode, $"Q{k:0000}", received, due);
                        Run(insertDossier, code, procedureCode, $"Q{k:0000}", received, due, done);
                    }
                    var roll = random.NextDouble();
                    var score = roll < 0.55 ? 5 : roll < 0.82 ? 4 : roll < 0.92 ? 3 : roll < 0.97 ? 2 : 1;
                    Run(insertRating, $"T{k:0000}", ++seq, score, random.NextDouble() < 0.3 ? score : null, at + (long)(random.NextDouble() * Math.Min(step / 2, 20_000)));
                    if (++written % 100_000 == 0)
                    {
                        tx2.Commit();
                        tx2 = c.BeginTransaction();
                        foreach (var command in new[] { insertRating, insertEvent, insertDossier, insertShift })
                        {
                            command.Transaction = tx2;
                        }
                        Console.Write($"\r  generating: {written:N0} / {ratings:N0}   ");
                    }
                }
                DirtyCounterDays.Mark(c, tx2, [new CounterDay($"Q{k:0000}", day)], 0);
            }
        }
        tx2.Commit();
        tx2.Dispose();
        Console.Write("\r" + new string(' ', 60) + "\r");
        Console.WriteLine($"  dossiers: {dossierCounts.Sum():N0} ({dossierCounts[0]:N0} completed on time, {dossierCounts[1]:N0} late, {dossierCounts[2]:N0} still open)");
        foreach (var command in new[] { insertRating, insertEvent, insertDossier, insertShift })
        {
            command.Dispose();
        }
        c.Execute("ANALYZE");
    }

    private static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Completes an open dossier of the month through the server's own store and times the next report, <paramref name="runs"/>
    /// times; each is reopened afterwards (its share of the kept counts removed the same way), so the data stays as generated.
    /// </summary>
    private static Timing AfterCompletions(Database database, EvaluationQueries queries, Month month, TimeProvider time, int runs)
    {
        List<(string Code, long Received)> open;
        using (var c = database.Open())
        {
            open = c.Query("SELECT code, received_at FROM dossiers WHERE completed_at IS NULL AND received_at >= $from AND received_at < $to AND counter_id IS NOT NULL LIMIT $n",
                r => (r.GetString(0), r.GetInt64(1)), ("$from", month.Start.ToUnixTimeMilliseconds()), ("$to", month.End.ToUnixTimeMilliseconds()), ("$n", runs));
        }
        var store = new ServiceEventStore(database, time, Options.Create(new AttributionOptions()));
        var times = new List<double>();
        foreach (var (code, received) in open)
        {
            if (!store.Complete(code, DateTimeOffset.FromUnixTimeMilliseconds(received).AddHours(2)))
            {
                throw new InvalidOperationException($"dossier {code} could not be completed");
            }
            var clock = Stopwatch.StartNew();
            queries.Report(month);
            times.Add(clock.Elapsed.TotalMilliseconds);
            using var c = database.Open();
            using var tx = c.BeginTransaction();
            var counts = DossierCountCache.Track(c, tx, [code]);
            c.Execute(tx, "UPDATE dossiers SET completed_at = NULL WHERE code = $code", ("$code", code));
            counts.Apply();
            tx.Commit();
        }
        return Timing.Of(times);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
