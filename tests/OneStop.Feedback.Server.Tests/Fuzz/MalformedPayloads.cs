using System.Text;

namespace OneStop.Feedback.Server.Tests.Fuzz;

/// <summary>
/// Seeded generator of hostile payloads: mutations of valid ratings (bit flips, truncation, inserted bytes),
/// wrong types, huge and fractional numbers, deep nesting, duplicate and unknown fields, invalid UTF-8 and
/// oversized bodies. The same seed gives the same sequence, so a failure can be replayed.
/// </summary>
public static class MalformedPayloads
{
    private static readonly string[] Values =
    [
        "0", "-1", "1", "3", "4", "5", "6", "4294967295", "4294967296", "99999999999999999999999999", "1e3", "4.0", "-0", "\"5\"", "null", "true",
        "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\"\\u0000\"", "1795600800000", "17956008000000000",
    ];

    private static readonly string[] Names = ["v", "boot", "seq", "ts", "scale", "score", "criteria", "listen", "thank", "x", "", "V", "score "];

    public static IEnumerable<byte[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 9) switch
            {
                0 => Flip(Valid(random), random),
                1 => Truncate(Valid(random), random),
                2 => Insert(Valid(random), random),
                3 => Encoding.UTF8.GetBytes(RandomObject(random)),
                4 => Encoding.UTF8.GetBytes(new string('[', random.Next(1, 5000)) + new string(']', random.Next(0, 5000))),
                5 => InvalidUtf8(random),
                6 => random.Next(200) == 0 ? new byte[1024 * 1024] : Encoding.UTF8.GetBytes(Valid(random).Length + new string(' ', random.Next(900, 3000))),
                7 => Encoding.UTF8.GetBytes($$"""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"criteria":{{RandomObject(random)}}}"""),
                _ => Bytes(random),
            };
        }
    }

    private static byte[] Valid(Random random) =>
        Encoding.UTF8.GetBytes($$$"""{"v":1,"boot":{{{random.Next(0, 100)}}},"seq":{{{random.Next(0, 100000)}}},"ts":0,"scale":5,"score":{{{random.Next(1, 6)}}},"criteria":{"listen":{{{random.Next(1, 6)}}}}}""");

    private static byte[] Flip(byte[] bytes, Random random)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }
        return bytes;
    }

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(0, bytes.Length)];

    private static byte[] Insert(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length);
        var junk = new byte[random.Next(1, 8)];
        random.NextBytes(junk);
        return [.. bytes[..at], .. junk, .. bytes[at..]];
    }

    private static byte[] InvalidUtf8(Random random)
    {
        var bytes = Encoding.UTF8.GetBytes("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"x":"____"}""");
        byte[][] bad = [[0xC3], [0xE0, 0x80], [0xED, 0xA0, 0x80], [0xF8], [0xFF], [0xC0, 0xAF]];
        var pick = bad[random.Next(bad.Length)];
        Array.Copy(pick, 0, bytes, bytes.Length - 6, pick.Length);
        return bytes;
    }

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomObject(Random random)
    {
        var fields = Enumerable.Range(0, random.Next(0, 9)).Select(_ => $"\"{Names[random.Next(Names.Length)]}\":{Values[random.Next(Values.Length)]}");
        return "{" + string.Join(",", fields) + "}";
    }
}
