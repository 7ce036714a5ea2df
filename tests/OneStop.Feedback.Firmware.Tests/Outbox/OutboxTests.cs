using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Tests.Support;
using FlashOutbox = OneStop.Feedback.Firmware.Core.Outbox.Outbox;

namespace OneStop.Feedback.Firmware.Tests.Outbox;

public class OutboxTests
{
    private const long Now = 1_795_600_800_000;

    [Fact]
    public void PendingMessagesSurviveARebootOldestFirstWithTheSamePayloadBytes()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(AppendResult.Stored, outbox.AppendRating(Now + i, 5, i, i == 3 ? [5, 0, 4, 0, 1] : null));
        }
        var before = Payloads(outbox);

        var rebooted = Start(store);

        Assert.Equal(5, rebooted.Count);
        Assert.Equal(before, Payloads(rebooted));
        Assert.Equal(outbox.Boot, rebooted.Get(0).Boot);
        Assert.Equal([1u, 2u, 3u, 4u, 5u], Enumerable.Range(0, 5).Select(i => rebooted.Get(i).Seq));
    }

    [Fact]
    public void BootGrowsAtEveryStartAndSeqRestartsSoNoPairRepeats()
    {
        var store = new MemoryFileStore();
        var first = Start(store);
        first.AppendRating(Now, 5, 5, null);
        var second = Start(store);
        second.AppendRating(Now, 5, 4, null);

        Assert.Equal(first.Boot + 1, second.Boot);
        Assert.Equal(1u, second.Get(1).Seq);
        Assert.Equal(2u, second.NextSeq);
    }

    [Fact]
    public void LostBootFileIsRecoveredFromTheHighestBootInTheOutbox()
    {
        var store = new MemoryFileStore();
        Start(store);
        Start(store);
        var third = Start(store);
        third.AppendRating(Now, 5, 5, null);
        store.Delete(BootCounter.FileName);

        Assert.Equal(third.Boot + 1, Start(store).Boot);
    }

    [Fact]
    public void OneSeqCounterIsSharedByRatingsAndEvents()
    {
        var outbox = Start(new MemoryFileStore());
        outbox.AppendEvent(MessageKind.Boot, 0);
        outbox.AppendRating(Now, 3, 2, null);
        outbox.AppendBadge(Now, [0x04, 0xA1, 0xB2, 0xC3]);
        outbox.AppendButtonStuck(Now, 2);

        Assert.Equal([1u, 2u, 3u, 4u], Enumerable.Range(0, 4).Select(i => outbox.Get(i).Seq));
        Assert.Equal("{\"v\":1,\"boot\":1,\"seq\":3,\"ts\":1795600800000,\"kind\":\"badge\",\"uid\":\"04A1B2C3\"}", PayloadEncoder.EncodeText(outbox.Get(2)));
    }

    [Fact]
    public void MessageLeavesOnlyWhenAcknowledgedAndStaysGoneAfterReboot()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store);
        outbox.AppendRating(Now, 5, 5, null);
        outbox.AppendRating(Now, 5, 1, null);
        var boot = outbox.Boot;

        Assert.False(outbox.Acknowledge(boot, 99));
        Assert.True(outbox.Acknowledge(boot, 1));
        Assert.False(outbox.Acknowledge(boot, 1));

        var rebooted = Start(store);
        Assert.Equal(1, rebooted.Count);
        Assert.Equal(2u, rebooted.Get(0).Seq);
    }

    [Fact]
    public void PowerLossBetweenPublishAndPubackResendsTheSameBytes()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store);
        outbox.AppendRating(Now, 4, 3, [0, 2, 0, 0, 0]);
        var sent = PayloadEncoder.Encode(new OutboxDispatcher(outbox, 1).Next());
        store.CutPowerAfter(0);

        var rebooted = Start(Reboot(store));
        var resent = new OutboxDispatcher(rebooted, 1).Next();

        Assert.Equal(sent, PayloadEncoder.Encode(resent));
    }

    [Fact]
    public void TornLastRecordIsSkippedAtEveryByteOffsetAndNeverSent()
    {
        for (var cut = 0; cut <= RecordCodec.RatingRecordBytes; cut++)
        {
            var store = new MemoryFileStore();
            var outbox = Start(store);
            outbox.AppendRating(Now, 5, 5, null);
            outbox.AppendRating(Now, 5, 4, [1, 2, 3, 4, 5]);
            var intact = Payloads(outbox);
            store.CutPowerAfter(cut);
            var completed = TryRun(() => outbox.AppendRating(Now, 5, 1, null));

            var rebooted = Start(Reboot(store));

            Assert.Equal(completed ? 3 : 2, rebooted.Count);
            Assert.Equal(intact, Payloads(rebooted).Take(2));
            Assert.Equal(completed || cut == 0 ? 0 : cut, rebooted.SkippedBytes);
            // The damaged tail was cut away, so later records are readable after yet another reboot.
            rebooted.AppendRating(Now, 3, 3, null);
            var again = Start(store);
            Assert.Equal(rebooted.Count, again.Count);
            Assert.Equal(0, again.SkippedBytes);
        }
    }

    [Fact]
    public void FailedWriteWhileRunningDoesNotCorruptLaterMessages()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store);
        outbox.AppendRating(Now, 5, 5, null);
        store.FailNextAppendAfter(7);
        Assert.Throws<IOException>(() => outbox.AppendRating(Now, 5, 4, null));
        outbox.AppendRating(Now, 5, 3, null);

        Assert.Equal([1u, 2u], Enumerable.Range(0, outbox.Count).Select(i => outbox.Get(i).Seq));
        var rebooted = Start(store);
        Assert.Equal([5, 3], Enumerable.Range(0, rebooted.Count).Select(i => rebooted.Get(i).Score));
        Assert.Equal(7, rebooted.SkippedBytes);
    }

    [Fact]
    public void TornAckAtEveryByteOffsetEitherKeepsOrRemovesTheMessage()
    {
        for (var cut = 0; cut <= FlashOutbox.AckEntryBytes; cut++)
        {
            var store = new MemoryFileStore();
            var outbox = Start(store);
            outbox.AppendRating(Now, 5, 5, null);
            outbox.AppendRating(Now, 5, 4, null);
            store.CutPowerAfter(cut);
            var completed = TryRun(() => outbox.Acknowledge(outbox.Boot, 1));

            var rebooted = Start(Reboot(store));

            Assert.Equal(completed ? [2u] : [1u, 2u], Enumerable.Range(0, rebooted.Count).Select(i => rebooted.Get(i).Seq));
        }
    }

    [Fact]
    public void FullOutboxRefusesNewMessagesAndNeverOverwritesUnsentOnes()
    {
        var outbox = Start(new MemoryFileStore(), capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(AppendResult.Stored, outbox.AppendRating(Now, 5, 5, null));
        }
        var before = Payloads(outbox);

        Assert.True(outbox.IsFull);
        Assert.Equal(AppendResult.Full, outbox.AppendRating(Now, 5, 1, null));
        Assert.Equal(AppendResult.Full, outbox.AppendEvent(MessageKind.Watchdog, Now));
        Assert.Equal(2, outbox.RefusedCount);
        Assert.Equal(before, Payloads(outbox));
        Assert.Equal(11u, outbox.NextSeq);

        outbox.Acknowledge(outbox.Boot, 1);
        Assert.Equal(AppendResult.Stored, outbox.AppendRating(Now, 5, 1, null));
        Assert.Equal(11u, outbox.Get(9).Seq);
    }

    [Fact]
    public void TwoThousandRatingsFitIn64Kilobytes()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store, capacity: 2000, maxFileBytes: 64 * 1024);
        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal(AppendResult.Stored, outbox.AppendRating(Now, 5, 1 + (i % 5), [1 + (i % 5), 2, 3, 4, 5]));
        }

        Assert.Equal(24, RecordCodec.RatingRecordBytes);
        Assert.Equal(2000 * 24, store.Length(FlashOutbox.FileName));
        Assert.True(store.Length(FlashOutbox.FileName) <= 64 * 1024);
        var reopened = Start(store, capacity: 2000, maxFileBytes: 64 * 1024);
        Assert.Equal(2000, reopened.Count);
        Assert.Equal(0, reopened.SkippedBytes);
        Assert.Equal(2000u, reopened.Get(1999).Seq);
    }

    [Fact]
    public void MessagesOfMixedSizesAreReadBackAcrossChunkBoundaries()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store, capacity: 500);
        for (var i = 0; i < 400; i++)
        {
            _ = (i % 4) switch
            {
                0 => outbox.AppendRating(Now, 5, 5, [1, 2, 3, 4, 5]),
                1 => outbox.AppendBadge(Now, [.. Enumerable.Range(0, 4 + (i % 7)).Select(b => (byte)(b + i))]),
                2 => outbox.AppendButtonStuck(Now, i % 5),
                _ => outbox.AppendEvent(MessageKind.Watchdog, 0),
            };
        }
        var before = Payloads(outbox);

        var reopened = Start(store, capacity: 500);

        Assert.Equal(0, reopened.SkippedBytes);
        Assert.Equal(before, Payloads(reopened));
    }

    [Fact]
    public void CompactionShrinksTheFileOnceEnoughAcksArrive()
    {
        var store = new MemoryFileStore();
        var outbox = Start(store, capacity: 300);
        for (var i = 0; i < 200; i++)
        {
            outbox.AppendRating(Now, 5, 5, null);
        }
        for (uint seq = 1; seq <= FlashOutbox.CompactAfterAcks; seq++)
        {
            outbox.Acknowledge(outbox.Boot, seq);
        }

        Assert.Equal(72 * RecordCodec.RatingRecordBytes, store.Length(FlashOutbox.FileName));
        Assert.False(store.Exists(FlashOutbox.AckFileName));
        Assert.Equal(129u, outbox.Get(0).Seq);
        Assert.Equal(72, Start(store, capacity: 300).Count);
    }

    [Fact]
    public void PowerLossAtAnyPointOfCompactionLosesNothingAndResurrectsNothing()
    {
        var measured = CompactionScenario(out var measuredOutbox);
        measured.Reboot();
        var units = UnitsOfLastAck(measuredOutbox, measured);
        Assert.True(units > 72 * RecordCodec.RatingRecordBytes);

        for (long cut = 0; cut <= units; cut++)
        {
            var store = CompactionScenario(out var outbox);
            var expected = Enumerable.Range(0, outbox.Count).Select(i => outbox.Get(i).Seq).ToList();
            store.CutPowerAfter(cut);
            var completed = TryRun(() => outbox.Acknowledge(outbox.Boot, FlashOutbox.CompactAfterAcks));

            var rebooted = Start(Reboot(store), capacity: 300);
            var seqs = Enumerable.Range(0, rebooted.Count).Select(i => rebooted.Get(i).Seq).ToList();

            var withoutAcked = expected.Where(s => s != FlashOutbox.CompactAfterAcks).ToList();
            Assert.True(seqs.SequenceEqual(withoutAcked) || (!completed && seqs.SequenceEqual(expected)), "cut after " + cut + " units");
        }
    }

    [Fact]
    public void DispatcherSendsOldestFirstWithinTheWindowAndRestartsAfterDisconnect()
    {
        var outbox = Start(new MemoryFileStore());
        for (var i = 0; i < 4; i++)
        {
            outbox.AppendRating(Now, 5, 5, null);
        }
        var dispatcher = new OutboxDispatcher(outbox, 2);

        Assert.Equal(1u, dispatcher.Next().Seq);
        Assert.Equal(2u, dispatcher.Next().Seq);
        Assert.Null(dispatcher.Next());
        Assert.True(dispatcher.Acknowledged(outbox.Boot, 2));
        Assert.Equal(3u, dispatcher.Next().Seq);

        dispatcher.ConnectionLost();
        Assert.Equal(1u, dispatcher.Next().Seq);
        dispatcher.Failed(outbox.Boot, 1);
        Assert.Equal(0, dispatcher.InFlight);
        Assert.Equal(1u, dispatcher.Next().Seq);
        Assert.False(dispatcher.Acknowledged(outbox.Boot, 2));
    }

    private static MemoryFileStore CompactionScenario(out FlashOutbox outbox)
    {
        var store = new MemoryFileStore();
        outbox = Start(store, capacity: 300);
        for (var i = 0; i < 200; i++)
        {
            outbox.AppendRating(Now, 5, 1 + (i % 5), null);
        }
        for (uint seq = 1; seq < FlashOutbox.CompactAfterAcks; seq++)
        {
            outbox.Acknowledge(outbox.Boot, seq);
        }
        return store;
    }

    [Fact]
    public void TheFirmwaresOutboxHoldsABusyDayOfferedOfflineWithItsEvents()
    {
        // The offline day: 2,000 and more ratings buffered. The firmware's sizing holds 2,400 ratings with
        // two boots, a few badge and stuck-button events, in the same 64 KiB file as before.
        var store = new MemoryFileStore();
        var outbox = Start(store, FlashOutbox.DefaultCapacity, FlashOutbox.DefaultMaxFileBytes);
        outbox.AppendEvent(MessageKind.Boot, 0);
        for (var i = 0; i < 2_400; i++)
        {
            Assert.Equal(AppendResult.Stored, outbox.AppendRating(Now + i, 5, 1 + (i % 5), i % 10 == 0 ? [5, 4, 3, 2, 1] : null));
            if (i % 400 == 0)
            {
                Assert.Equal(AppendResult.Stored, outbox.AppendBadge(Now + i, [0x04, 0xA1, 0xB2, 0xC3, 0x11, 0x22, 0x33]));
                Assert.Equal(AppendResult.Stored, outbox.AppendButtonStuck(Now + i, 2));
            }
            if (i == 1_200)
            {
                outbox = Start(store, FlashOutbox.DefaultCapacity, FlashOutbox.DefaultMaxFileBytes); // a power cut at noon
                outbox.AppendEvent(MessageKind.Boot, 0);
            }
        }

        Assert.Equal(2_414, outbox.Count);
        Assert.Equal(0, outbox.RefusedCount);
        Assert.True(outbox.FileLength <= FlashOutbox.DefaultMaxFileBytes, $"{outbox.FileLength} bytes");
        Assert.Equal(2_414, Start(store, FlashOutbox.DefaultCapacity, FlashOutbox.DefaultMaxFileBytes).Count);
    }

    private static long UnitsOfLastAck(FlashOutbox outbox, MemoryFileStore store)
    {
        outbox.Acknowledge(outbox.Boot, FlashOutbox.CompactAfterAcks);
        return store.UnitsWritten;
    }

    private static FlashOutbox Start(MemoryFileStore store, int capacity = 100, long maxFileBytes = 64 * 1024)
    {
        var outbox = new FlashOutbox(store, capacity, maxFileBytes);
        outbox.Open();
        return outbox;
    }

    private static MemoryFileStore Reboot(MemoryFileStore store)
    {
        store.Reboot();
        return store;
    }

    private static bool TryRun(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (PowerLossException)
        {
            return false;
        }
    }

    private static List<string> Payloads(FlashOutbox outbox) =>
        Enumerable.Range(0, outbox.Count).Select(i => PayloadEncoder.EncodeText(outbox.Get(i))).ToList();
}
