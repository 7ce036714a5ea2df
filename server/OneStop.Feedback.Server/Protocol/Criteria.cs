namespace OneStop.Feedback.Server.Protocol;

/// <summary>
/// The "5 biết" answers of one rating, each on the rating's scale, or null when the terminal did not ask it.
/// Ids are fixed by the protocol: listen, explain, trust, apologize, thank.
/// </summary>
public readonly record struct Criteria(int? Listen, int? Explain, int? Trust, int? Apologize, int? Thank)
{
    /// <summary>The criterion ids in protocol order.</summary>
    public static readonly string[] Ids = ["listen", "explain", "trust", "apologize", "thank"];

    public static Criteria None => default;

    public bool IsEmpty => Listen is null && Explain is null && Trust is null && Apologize is null && Thank is null;

    /// <summary>The answer for a criterion id (protocol order index 0–4).</summary>
    public int? this[int index] => index switch
    {
        0 => Listen,
        1 => Explain,
        2 => Trust,
        3 => Apologize,
        4 => Thank,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static int IndexOf(ReadOnlySpan<byte> utf8Id) => utf8Id switch
    {
        _ when utf8Id.SequenceEqual("listen"u8) => 0,
        _ when utf8Id.SequenceEqual("explain"u8) => 1,
        _ when utf8Id.SequenceEqual("trust"u8) => 2,
        _ when utf8Id.SequenceEqual("apologize"u8) => 3,
        _ when utf8Id.SequenceEqual("thank"u8) => 4,
        _ => -1,
    };

    public Criteria With(int index, int value) => index switch
    {
        0 => this with { Listen = value },
        1 => this with { Explain = value },
        2 => this with { Trust = value },
        3 => this with { Apologize = value },
        4 => this with { Thank = value },
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
