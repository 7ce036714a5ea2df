using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Firmware.Tests.Connectivity;

public class SignalMeterTests
{
    [Fact]
    public void TheStrongestAccessPointOfTheTerminalsSsidIsReported()
    {
        var meter = new SignalMeter("Office", maxAgeMs: 600_000);

        meter.BeginReport();
        meter.Observe("Office", -71);
        meter.Observe("Neighbour", -40);
        meter.Observe("Office\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", -58); // 33-byte ESP32 field
        meter.Observe("office", -30); // SSIDs are case-sensitive
        meter.EndReport(1_000);

        Assert.Equal(-58, meter.Current(1_000));
    }

    [Fact]
    public void NoReadingStaleReadingAndImplausibleValuesAreUnknown()
    {
        var meter = new SignalMeter("Office", maxAgeMs: 600_000);
        Assert.Equal(SignalMeter.Unknown, meter.Current(0));

        meter.BeginReport();
        meter.Observe("Office", 0);     // no measurement
        meter.Observe("Office", 12);    // impossible for a received signal
        meter.Observe("Office", -200);  // below what a radio reports
        meter.EndReport(5_000);
        Assert.Equal(SignalMeter.Unknown, meter.Current(5_000));

        meter.BeginReport();
        meter.Observe("Office", -80);
        meter.EndReport(10_000);
        Assert.Equal(-80, meter.Current(610_000));
        Assert.Equal(SignalMeter.Unknown, meter.Current(610_001));
    }

    [Fact]
    public void AReportWithoutTheSsidKeepsThePreviousReading()
    {
        var meter = new SignalMeter("Office", maxAgeMs: 600_000);
        meter.BeginReport();
        meter.Observe("Office", -62);
        meter.EndReport(0);

        meter.BeginReport();
        meter.Observe("Elsewhere", -50);
        meter.EndReport(300_000);

        Assert.Equal(-62, meter.Current(300_000));
        Assert.Equal(SignalMeter.Unknown, meter.Current(600_001)); // still aged from its own scan
    }

    [Theory]
    [InlineData("Office", "Office", true)]
    [InlineData("Office\0", "Office", true)]
    [InlineData("Office \0", "Office", false)]
    [InlineData("Offic", "Office", false)]
    [InlineData("", "", true)]
    [InlineData(null, "Office", false)]
    public void SsidComparisonIgnoresOnlyTrailingNuls(string? reported, string configured, bool same) =>
        Assert.Equal(same, SignalMeter.SameSsid(reported, configured));

    [Fact]
    public void TheReadingGoesIntoTheStatusHeartbeat()
    {
        var meter = new SignalMeter("Office", maxAgeMs: 600_000);
        meter.BeginReport();
        meter.Observe("Office", -67);
        meter.EndReport(0);

        var status = StatusPayload.Online(12, "1.0.0", 3, meter.Current(1_000), 48211, 3600);

        Assert.Equal("{\"v\":1,\"state\":\"online\",\"boot\":12,\"fw\":\"1.0.0\",\"outbox\":3,\"rssi\":-67,\"heap\":48211,\"uptime\":3600}", status);
    }
}
