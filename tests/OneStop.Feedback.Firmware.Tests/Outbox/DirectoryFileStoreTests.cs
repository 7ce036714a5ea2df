using OneStop.Feedback.Firmware.Core.Host;
using OneStop.Feedback.Firmware.Core.Protocol;
using FlashOutbox = OneStop.Feedback.Firmware.Core.Outbox.Outbox;

namespace OneStop.Feedback.Firmware.Tests.Outbox;

public sealed class DirectoryFileStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "onestop-outbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void OutboxOnRealFilesSurvivesARestartAndCompacts()
    {
        var outbox = new FlashOutbox(new DirectoryFileStore(_directory), 300, 64 * 1024);
        outbox.Open();
        for (var i = 0; i < 200; i++)
        {
            outbox.AppendRating(1_795_600_800_000, 5, 1 + (i % 5), null);
        }
        for (uint seq = 1; seq <= FlashOutbox.CompactAfterAcks; seq++)
        {
            outbox.Acknowledge(outbox.Boot, seq);
        }
        var expected = PayloadEncoder.EncodeText(outbox.Get(0));

        var restarted = new FlashOutbox(new DirectoryFileStore(_directory), 300, 64 * 1024);
        restarted.Open();

        Assert.Equal(72, restarted.Count);
        Assert.Equal(expected, PayloadEncoder.EncodeText(restarted.Get(0)));
        Assert.Equal(outbox.Boot + 1, restarted.Boot);
        Assert.Equal(["boot.bin", "outbox.bin"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
