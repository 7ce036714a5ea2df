using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Session;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.Session;

public class OutboxRatingSinkTests
{
    [Fact]
    public void FinishedRatingIsStoredWithTheWallClockAndItsCriteria()
    {
        var outbox = new OneStop.Feedback.Firmware.Core.Outbox.Outbox(new MemoryFileStore(), 10, 64 * 1024);
        outbox.Open();
        var clock = new FakeWallClock { Now = 1_795_600_800_000 };
        var session = new RatingSession(new RecordingOutput(), new OutboxRatingSink(outbox, clock), clock);
        session.ApplyConfig(new TerminalConfig { Mode = RatingMode.FollowUp }, 0);

        session.Press(2, 1000);
        session.Press(1, 2000);

        Assert.Equal("{\"v\":1,\"boot\":1,\"seq\":1,\"ts\":1795600800000,\"scale\":5,\"score\":2,\"criteria\":{\"listen\":1}}",
            Core.Protocol.PayloadEncoder.EncodeText(outbox.Get(0)));
    }
}
