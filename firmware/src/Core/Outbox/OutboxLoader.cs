using System;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>
    /// Start-up reading of the outbox and its ack log. The outbox is read in chunks (one flash read per ~20
    /// records); bytes that do not form a valid record are skipped one at a time until a record lines up again.
    /// A torn or damaged ack entry is ignored: its message is simply resent.
    /// </summary>
    internal static class OutboxLoader
    {
        private const int ChunkBytes = 512;

        /// <summary>Offsets of the unacknowledged records, oldest first (array may be longer than <paramref name="count"/>).</summary>
        public static int[] ScanRecords(IFileStore store, string name, int capacity, uint[] ackBoots, uint[] ackSeqs, int ackCount,
            out int count, out uint highestBoot, out int skipped, out long length)
        {
            int[] offsets = new int[capacity];
            count = 0;
            highestBoot = 0;
            skipped = 0;
            length = store.Length(name);
            byte[] chunk = new byte[ChunkBytes];
            long chunkStart = 0;
            int available = 0;
            long pos = 0;
            while (pos < length)
            {
                int at = (int)(pos - chunkStart);
                if (at + RecordCodec.MaxRecordBytes > available && chunkStart + available < length)
                {
                    chunkStart = pos;
                    available = store.ReadAt(name, pos, chunk, 0, chunk.Length);
                    at = 0;
                }
                int recordLength = RecordCodec.ValidLength(chunk, at, available - at);
                TerminalMessage message = recordLength > 0 ? RecordCodec.Decode(chunk, at) : null;
                if (message == null)
                {
                    skipped++;
                    pos++;
                    continue;
                }
                if (message.Boot > highestBoot)
                {
                    highestBoot = message.Boot;
                }
                if (!Contains(ackBoots, ackSeqs, ackCount, message.Boot, message.Seq))
                {
                    if (count == offsets.Length)
                    {
                        // Only when the file was written with a larger capacity: never drop a message.
                        int[] larger = new int[offsets.Length * 2];
                        Array.Copy(offsets, larger, count);
                        offsets = larger;
                    }
                    offsets[count++] = (int)pos;
                }
                pos += recordLength;
            }
            return offsets;
        }

        public static int ReadAcks(IFileStore store, string name, out uint[] boots, out uint[] seqs, out bool torn)
        {
            long length = store.Length(name);
            int capacity = (int)(length / Outbox.AckEntryBytes);
            boots = new uint[capacity];
            seqs = new uint[capacity];
            torn = length % Outbox.AckEntryBytes != 0;
            int count = 0;
            byte[] entry = new byte[Outbox.AckEntryBytes];
            for (int i = 0; i < capacity; i++)
            {
                store.ReadAt(name, (long)i * Outbox.AckEntryBytes, entry, 0, entry.Length);
                if (LittleEndian.ReadUInt32(entry, 8) != Crc32.Compute(entry, 0, 8))
                {
                    torn = true;
                    continue;
                }
                boots[count] = LittleEndian.ReadUInt32(entry, 0);
                seqs[count] = LittleEndian.ReadUInt32(entry, 4);
                count++;
            }
            return count;
        }

        public static bool Contains(uint[] boots, uint[] seqs, int count, uint boot, uint seq)
        {
            for (int i = 0; i < count; i++)
            {
                if (seqs[i] == seq && boots[i] == boot)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
