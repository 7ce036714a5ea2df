using System.Globalization;
using System.Text;

namespace OneStop.Feedback.Server.Tests.Fuzz;

/// <summary>
/// Seeded generator of malformed CSV imports for the four importers, each input with the answer it must get.
/// Most are valid files with one to three bad rows among good ones (wrong column counts, huge fields, control
/// characters and NUL bytes, wrong types, huge numbers, dates out of range, formula injection, duplicate ids),
/// sometimes in a 1 MiB file; the expected errors are exactly those rows. The others are broken as a whole
/// (quote left open, text after a closing quote, invalid UTF-8, UTF-16 BOM, missing or repeated header column,
/// too many fields or rows, random bytes, empty) and must get one error that names the file or header. UTF-8
/// BOMs, CRLF line ends, quoted good fields and blank lines are sprinkled over all of them.
/// </summary>
/// <remarks>Expects the office of <c>ReferenceDataTests.SeedOfficeAsync</c>: units HN and P-BD, counters Q1 and Q2, officers CB-1 and CB-2.</remarks>
public static class MalformedCsv
{
    /// <summary>One input: where it goes, its bytes, and the lines that must be reported (or the file-level error expected).</summary>
    /// <param name="BadLines">Lines that must each get at least one error, and no other line may get one (row-level case).</param>
    /// <param name="FileErrorLine">For a file-level case: the line of its single error (0 = the whole file), or null when only "some file-level error" is known (random bytes).</param>
    public sealed record CsvInput(string Route, byte[] Body, IReadOnlySet<int> BadLines, bool FileLevel, int? FileErrorLine, string What);

    private sealed record Importer(string Route, string Header, Func<int, string[]> Good, string[] Required);

    private static readonly Importer[] Importers =
    [
        new("/api/v1/import/units", "id,name,parent,validFrom,validTo,requireServiceEvent",
            n => [$"U-F{n}", $"Phường số {n}", n % 2 == 0 ? "P-BD" : "HN", "2025-07-01", n % 3 == 0 ? "2030-01-01T00:00:00+07:00" : "", n % 2 == 0 ? "true" : "no"],
            ["id", "name", "parent", "validfrom"]),
        new("/api/v1/import/counters", "id,unit,name", n => [$"Q-F{n}", "P-BD", $"Quầy {n}"], ["id", "unit", "name"]),
        new("/api/v1/import/officers", "id,name,unit,badge",
            n => [$"CB-F{n}", $"Nguyễn Văn {n}", "P-BD", n % 2 == 0 ? "" : "A" + (n % 0x10000000).ToString("X7", CultureInfo.InvariantCulture)],
            ["id", "name", "unit"]),
        new("/api/v1/import/service-events", "dossier,procedure,kind,counter,officer,at,due",
            n => n % 3 == 0
                ? [$"HS-F{n}", "Đăng ký khai sinh", "returned", "Q2", "", "2026-11-06T10:15:00+07:00", ""]
                : [$"HS-F{n}", "Cấp giấy phép xây dựng, nhà ở riêng lẻ", "received", "Q1", "CB-1", "2026-11-05 08:30", "2026-11-10 17:00"],
            ["dossier", "procedure", "kind", "counter", "officer", "at", "due"]),
    ];

    /// <summary>Column index of the free-text field to spoil in each importer (name, or the procedure of a service event).</summary>
    private static readonly int[] TextColumn = [1, 2, 1, 1];

    private static readonly string[] Formulas = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C notepad'!Z0", "@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example/\",\"Bấm\")", " =1+1"];

    private static readonly string[] BadDates = ["0001-01-01 00:00", "0001-01-01", "9999-12-31 23:59", "9999-12-31T23:59:59-14:00", "1969-12-31T23:59:59Z", "2100-01-01", "2026-13-45", "2026-02-30 08:00", "hôm qua", "12/31/2025", "99999-01-01", "1e309", "18446744073709551616", "2026-11-05 25:61"];

    private static readonly string[] Controls = ["\0", "\u0001", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\t"];

    public static IEnumerable<CsvInput> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var importer = Importers[random.Next(Importers.Length)];
            var k = Array.IndexOf(Importers, importer);
            // The first dozen inputs are one of each broken-file kind and a 1 MiB file, so that a short run covers them all.
            yield return i switch
            {
                < BrokenKinds => BrokenFile(random, importer, k, i, i),
                BrokenKinds => BadRows(random, importer, k, i, big: true),
                _ when random.Next(100) < 72 => BadRows(random, importer, k, i, big: random.Next(300) == 0),
                _ => BrokenFile(random, importer, k, i, random.Next(BrokenKinds)),
            };
        }
    }

    private static CsvInput BadRows(Random random, Importer importer, int k, int serial, bool big)
    {
        var good = big ? 1 + (1024 * 1024 / 60) : random.Next(0, 9);
        var first = serial % 10_000 * 100_000; // distinct ids within a file, and no int overflow
        var bad = random.Next(1, 4);
        var rows = new List<(string Text, bool Bad)>();
        var ids = new List<string>();
        for (var n = 0; n < good; n++)
        {
            var fields = importer.Good(first + n);
            ids.Add(fields[0]);
            rows.Add((Join(random, fields), false));
        }
        for (var b = 0; b < bad; b++)
        {
            var fields = importer.Good(first + 90_000 + b);
            var (text, after) = Spoil(random, k, fields, ids);
            // A repeated id is the fault of its second occurrence, so it goes after the good rows.
            rows.Insert(after ? rows.Count : random.Next(rows.Count + 1), (text, true));
        }
        var (body, lines) = Assemble(random, importer.Header, rows.Select(r => r.Text));
        var badLines = rows.Select((r, index) => (r.Bad, Line: lines[index])).Where(r => r.Bad).Select(r => r.Line).ToHashSet();
        return new CsvInput(importer.Route, body, badLines, false, null, big ? "bad rows in 1 MiB" : "bad rows");
    }

    /// <summary>A row of good values with one defect that the importer must report on that row; <c>After</c> when it must follow the good rows.</summary>
    private static (string Text, bool After) Spoil(Random random, int k, string[] fields, List<string> earlierIds) =>
        (SpoilRow(random, k, fields, earlierIds, out var after), after);

    private static string SpoilRow(Random random, int k, string[] fields, List<string> earlierIds, out bool after)
    {
        after = false;
        var text = TextColumn[k];
        switch (random.Next(10))
        {
            case 0: // wrong column count: one missing, or extra ones (an unquoted comma in a name)
                return random.Next(2) == 0
                    ? Join(random, fields[..^1])
                    : Join(random, [.. fields, .. Enumerable.Repeat("thêm", random.Next(1, 4))]);
            case 1: // huge field
                fields[text] = new string('x', random.Next(301, random.Next(20) == 0 ? 400_000 : 5_000));
                return Join(random, fields);
            case 2: // control characters and NUL bytes in free text (a quoted newline too)
                fields[text] = random.Next(4) == 0 ? "Dòng một\ndòng hai" : fields[text].Insert(random.Next(1, fields[text].Length), Controls[random.Next(Controls.Length)]); // inside: the ends are trimmed
                return Join(random, fields, quoteAll: fields[text].Contains('\n', StringComparison.Ordinal));
            case 3: // formula injection
                fields[text] = Formulas[random.Next(Formulas.Length)];
                return Join(random, fields);
            case 4: // dates out of range, wrong types and huge numbers where a time goes
                fields[k switch { 0 => random.Next(3, 5), 3 => 5, _ => 0 }] = BadDates[random.Next(BadDates.Length)];
                if (k is 1 or 2)
                {
                    fields[0] = "9" + new string('9', random.Next(64, 200)); // an id too long
                }
                return Join(random, fields);
            case 5: // wrong type in a typed column
                switch (k)
                {
                    case 0: fields[5] = random.Next(2) == 0 ? "maybe" : "2"; break;
                    case 1: fields[1] = "NOWHERE"; break; // a unit that does not exist
                    case 2: fields[3] = random.Next(2) == 0 ? "XYZ12345" : new string('9', 26); break;
                    default: fields[2] = random.Next(2) == 0 ? "recieved" : "1"; break;
                }
                return Join(random, fields);
            case 6: // an id with a space, a slash or nothing (a dossier code is free text: empty or too long)
                fields[0] = k == 3
                    ? (random.Next(2) == 0 ? "" : new string('H', 65))
                    : random.Next(3) switch { 0 => "CB 4", 1 => "../../etc/passwd", _ => "" };
                return Join(random, fields);
            case 7 when k != 3 && earlierIds.Count > 0: // the same id twice in one file (the later row is the bad one)
                fields[0] = earlierIds[random.Next(earlierIds.Count)];
                after = true;
                return Join(random, fields);
            case 8: // references to things that do not exist
                fields[k switch { 0 => 2, 1 => 1, 2 => 2, _ => 3 }] = "KHÔNG-CÓ";
                return Join(random, fields);
            default: // a required value missing: the name, validFrom of a unit, dossier or kind of a service event
                fields[k switch { 0 => random.Next(2) == 0 ? 1 : 3, 3 => random.Next(2) * 2, _ => TextColumn[k] }] = "";
                return Join(random, fields);
        }
    }

    private const int BrokenKinds = 11;

    private static CsvInput BrokenFile(Random random, Importer importer, int k, int serial, int kind)
    {
        var forced = serial < BrokenKinds;
        var rows = Enumerable.Range(0, random.Next(0, 6)).Select(n => Join(random, importer.Good(serial % 10_000 * 100_000 + n))).ToList();
        var at = random.Next(rows.Count + 1);
        var end = rows.Count; // an open quote goes last: a quote in a later row would close it
        switch (kind)
        {
            case 0:
                rows.Add("\"" + string.Join(',', importer.Good(serial)) + (random.Next(2) == 0 ? "" : "\nmore text, still inside"));
                return Located(random, importer, rows, end, "quote left open");
            case 1:
                var fields = importer.Good(77);
                fields[TextColumn[k]] = "\"" + fields[TextColumn[k]] + "\"x";
                rows.Insert(at, string.Join(',', fields));
                return Located(random, importer, rows, at, "text after a closing quote");
            case 2:
                rows.Insert(at, "\u0000INVALID-UTF8\u0000" + string.Join(',', importer.Good(serial)));
                return Located(random, importer, rows, at, "invalid UTF-8", invalidUtf8: true);
            case 3:
                rows.Insert(at, string.Join(',', Enumerable.Repeat("x", 65 + random.Next(5_000))));
                return Located(random, importer, rows, at, "too many fields");
            case 4:
                var dropped = importer.Required[random.Next(importer.Required.Length)];
                var header = importer.Header.Split(',').Where(c => !c.Equals(dropped, StringComparison.OrdinalIgnoreCase));
                return WholeFile(random, importer, string.Join(',', header), rows, 1, "required column missing");
            case 5:
                return WholeFile(random, importer, importer.Header + "," + importer.Header.Split(',')[0].ToUpperInvariant(), rows, 1, "column twice");
            case 6:
                var utf16 = Encoding.Unicode.GetBytes(importer.Header + "\r\n" + string.Join("\r\n", rows));
                return new CsvInput(importer.Route, [0xFF, 0xFE, .. utf16], new HashSet<int>(), true, 0, "UTF-16 with BOM");
            case 7:
                var junk = new byte[random.Next(20) == 0 ? 1024 * 1024 : random.Next(1, 3000)];
                random.NextBytes(junk);
                return new CsvInput(importer.Route, junk, new HashSet<int>(), true, null, "random bytes");
            case 8:
                return new CsvInput(importer.Route, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "" : "\r\n\n\r\n"), new HashSet<int>(), true, 0, "empty");
            case 9 when forced || random.Next(50) == 0:
                var many = Enumerable.Range(0, 50_001).Select(n => Join(random, importer.Good(n)));
                var (body, _) = Assemble(random, importer.Header, many, blankLines: false);
                return new CsvInput(importer.Route, body, new HashSet<int>(), true, 50_002, "50,001 rows");
            case 10 when forced || random.Next(50) == 0:
                var huge = new byte[(10 * 1024 * 1024) + 1];
                Encoding.ASCII.GetBytes(importer.Header + "\n").CopyTo(huge, 0);
                huge.AsSpan(importer.Header.Length + 1).Fill((byte)'x');
                return new CsvInput(importer.Route, huge, new HashSet<int>(), true, 0, "over 10 MiB");
            default:
                rows.Add("\"" + new string('y', 1024 * 1024));
                return Located(random, importer, rows, end, "1 MiB field, quote left open");
        }
    }

    /// <summary>A file whose row <paramref name="at"/> breaks the whole file; the error must name that row's line.</summary>
    private static CsvInput Located(Random random, Importer importer, List<string> rows, int at, string what, bool invalidUtf8 = false)
    {
        var (body, lines) = Assemble(random, importer.Header, rows);
        if (invalidUtf8)
        {
            var marker = Encoding.UTF8.GetBytes("\u0000INVALID-UTF8\u0000");
            var index = body.AsSpan().IndexOf(marker);
            byte[][] bad = [[0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88], [0xFF, 0xFE], [0xC0, 0xAF]];
            var pick = bad[random.Next(bad.Length)];
            body = [.. body[..index], .. pick, .. body[(index + marker.Length)..]];
        }
        return new CsvInput(importer.Route, body, new HashSet<int>(), true, lines[at], what);
    }

    private static CsvInput WholeFile(Random random, Importer importer, string header, List<string> rows, int line, string what) =>
        new(importer.Route, Assemble(random, header, rows).Body, new HashSet<int>(), true, line, what);

    /// <summary>The file's bytes and the line on which each row starts (a quoted newline makes a row two lines).</summary>
    private static (byte[] Body, List<int> Lines) Assemble(Random random, string header, IEnumerable<string> rows, bool blankLines = true)
    {
        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder(header).Append(newline);
        var line = 2;
        var lines = new List<int>();
        foreach (var row in rows)
        {
            if (blankLines && random.Next(15) == 0)
            {
                text.Append(newline);
                line++;
            }
            lines.Add(line);
            text.Append(row).Append(newline);
            line += 1 + row.Count(c => c == '\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return (random.Next(4) == 0 ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes, lines);
    }

    private static string Join(Random random, string[] fields, bool quoteAll = false) =>
        string.Join(',', fields.Select(f => quoteAll || f.Contains(',', StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal) || (f.Length > 0 && random.Next(8) == 0)
            ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : f));
}
