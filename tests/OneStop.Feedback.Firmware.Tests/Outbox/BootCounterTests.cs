using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.Outbox;

public class BootCounterTests
{
    [Fact]
    public void PowerLossWhileSavingTheBootCounterNeverReusesABootNumber()
    {
        var measure = new MemoryFileStore();
        BootCounter.Increment(measure, 0);
        measure.Reboot();
        BootCounter.Increment(measure, 0);
        var units = measure.UnitsWritten;

        for (long cut = 0; cut <= units; cut++)
        {
            var store = new MemoryFileStore();
            var first = BootCounter.Increment(store, 0);
            store.CutPowerAfter(cut);
            uint second = 0;
            try
            {
                second = BootCounter.Increment(store, 0);
            }
            catch (PowerLossException)
            {
            }
            store.Reboot();

            var third = BootCounter.Increment(store, 0);

            Assert.True(third > first && third > second, "cut after " + cut + " units");
        }
    }

    [Fact]
    public void DamagedBootFileFallsBackToTheHighestBootSeen()
    {
        var store = new MemoryFileStore();
        store.SetContents(BootCounter.FileName, [1, 2, 3]);

        Assert.Equal(0u, BootCounter.Read(store));
        Assert.Equal(42u, BootCounter.Increment(store, 41));
    }
}
