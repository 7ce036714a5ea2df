using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware.Tests.Session;

public class DebouncerTests
{
    [Fact]
    public void BounceShorterThanTheDebounceTimeIsNotAPress()
    {
        var d = new Debouncer(50, 5000);

        Assert.Equal(Debouncer.None, d.Sample(true, 0));
        Assert.Equal(Debouncer.None, d.Sample(false, 10));
        Assert.Equal(Debouncer.None, d.Sample(true, 20));
        Assert.Equal(Debouncer.None, d.Sample(true, 69));
        Assert.Equal(Debouncer.Pressed, d.Sample(true, 70));
        Assert.Equal(Debouncer.None, d.Sample(true, 100));
    }

    [Fact]
    public void EachStablePressCountsOnce()
    {
        var d = new Debouncer(50, 5000);
        var presses = 0;
        for (long t = 0; t < 1000; t += 10)
        {
            presses += d.Sample(t % 400 < 200, t) == Debouncer.Pressed ? 1 : 0;
        }

        Assert.Equal(3, presses);
    }

    [Fact]
    public void ButtonHeldBeyondTheLimitIsReportedStuckOnceUntilReleased()
    {
        var d = new Debouncer(50, 5000);
        d.Sample(true, 0);
        Assert.Equal(Debouncer.Pressed, d.Sample(true, 50));

        Assert.Equal(Debouncer.None, d.Sample(true, 4999));
        Assert.Equal(Debouncer.Stuck, d.Sample(true, 5000));
        Assert.True(d.IsStuck);
        Assert.Equal(Debouncer.None, d.Sample(true, 9000));

        d.Sample(false, 9100);
        Assert.Equal(Debouncer.None, d.Sample(false, 9150));
        Assert.False(d.IsStuck);
    }
}
