using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>
    /// The persisted boot counter. It is incremented and written (atomically) at each start before anything is
    /// sent, so (boot, seq) never repeats even though seq restarts at 1 on every boot.
    /// </summary>
    public static class BootCounter
    {
        public const string FileName = "boot.bin";

        /// <summary>Stored value, or 0 when missing or damaged.</summary>
        public static uint Read(IFileStore store)
        {
            byte[] data = AtomicFile.ReadAll(store, FileName);
            if (data == null || data.Length != 8 || LittleEndian.ReadUInt32(data, 4) != Crc32.Compute(data, 0, 4))
            {
                return 0;
            }
            return LittleEndian.ReadUInt32(data, 0);
        }

        /// <summary>
        /// Persists and returns the boot number for this start: one more than both the stored counter and
        /// <paramref name="highestSeen"/> (the highest boot found in the outbox, in case the counter file was lost).
        /// </summary>
        public static uint Increment(IFileStore store, uint highestSeen)
        {
            uint stored = Read(store);
            uint boot = (stored > highestSeen ? stored : highestSeen) + 1;
            byte[] data = new byte[8];
            LittleEndian.WriteUInt32(data, 0, boot);
            LittleEndian.WriteUInt32(data, 4, Crc32.Compute(data, 0, 4));
            AtomicFile.Write(store, FileName, data, data.Length);
            return boot;
        }
    }
}
