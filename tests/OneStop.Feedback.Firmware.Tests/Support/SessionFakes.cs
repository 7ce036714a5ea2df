using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware.Tests.Support;

internal sealed class RecordingOutput : ITerminalOutput
{
    public List<string> Calls { get; } = [];

    public string Text { get; private set; } = "";

    public int LitButtons { get; private set; }

    public void ShowText(string text)
    {
        Text = text;
        Calls.Add("text:" + text);
    }

    public void SetButtonLeds(int count)
    {
        LitButtons = count;
        Calls.Add("leds:" + count);
    }

    public void SetStatusLed(int pattern) => Calls.Add("status:" + pattern);

    public void Beep(int pattern) => Calls.Add("beep:" + pattern);
}

internal sealed class RecordingSink : IRatingSink
{
    public List<(int Scale, int Score, int[]? Criteria)> Ratings { get; } = [];

    public int Result { get; set; } = AppendResult.Stored;

    public int Submit(int scale, int score, int[] criteria)
    {
        Ratings.Add((scale, score, criteria is null ? null : (int[])criteria.Clone()));
        return Result;
    }
}

internal sealed class FakeWallClock : IWallClock
{
    public long Now { get; set; }

    public long UnixMs() => Now;
}
