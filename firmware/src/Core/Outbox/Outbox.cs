using System;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>
    /// The flash outbox: every rating and event is appended here before it may be sent, and leaves only when the
    /// broker acknowledged it. Acks go to a small append-only log; once enough accumulate, the unacknowledged
    /// records are copied to "outbox.bin.tmp", which replaces the outbox, and the ack log is deleted. A power cut
    /// at any point leaves either the old or the new outbox, and an ack that refers to a record no longer present
    /// is harmless. RAM holds only the file offsets of unsent records (4 bytes each). Thread-safe: presses arrive
    /// on the UI loop, PUBACKs on the MQTT client's thread.
    /// </summary>
    public sealed class Outbox
    {
        public const string FileName = "outbox.bin";
        public const string AckFileName = "outbox.ack";
        public const int AckEntryBytes = 12;

        /// <summary>Acks to collect before compaction is considered.</summary>
        public const int CompactAfterAcks = 128;

        /// <summary>
        /// The terminal's outbox size: a busy counter offline for a whole day (2,000 ratings and more) loses none.
        /// 2,500 ratings are 60,000 bytes (24 each), so they fit in <see cref="DefaultMaxFileBytes"/> with room for a
        /// day's events; the offsets take 10 KB of RAM.
        /// </summary>
        public const int DefaultCapacity = 2500;

        /// <summary>
        /// The largest outbox file. LittleFS shares its 256 KB partition with the Wi-Fi settings and certificates,
        /// and a compaction briefly holds the old file, its copy and the ack log (at most 12 bytes per message):
        /// 64 + 64 + 30 KiB at worst.
        /// </summary>
        public const long DefaultMaxFileBytes = 64 * 1024;

        private readonly IFileStore _store;
        private readonly int _capacity;
        private readonly long _maxFileBytes;
        private readonly byte[] _buffer = new byte[RecordCodec.MaxRecordBytes];
        private readonly object _sync = new object();
        private int[] _offsets;
        private int _count;
        private long _fileLength;
        private int _acksLogged;
        private bool _opened;

        /// <param name="capacity">Most unsent messages kept; further ones are refused, never overwritten.</param>
        /// <param name="maxFileBytes">Largest outbox file (the flash partition is shared with Wi-Fi and certificates).</param>
        public Outbox(IFileStore store, int capacity, long maxFileBytes)
        {
            if (capacity < 1 || maxFileBytes < (long)capacity * RecordCodec.RatingRecordBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(maxFileBytes), "the file must hold capacity ratings");
            }
            _store = store;
            _capacity = capacity;
            _maxFileBytes = maxFileBytes;
            _offsets = new int[capacity];
        }

        /// <summary>This start's boot number (valid after <see cref="Open"/>).</summary>
        public uint Boot { get; private set; }

        /// <summary>The seq the next stored message gets. One counter for ratings and events.</summary>
        public uint NextSeq { get; private set; }

        /// <summary>Unacknowledged messages.</summary>
        public int Count => _count;

        public bool IsFull => _count >= _capacity;

        /// <summary>Messages refused since start because the outbox was full.</summary>
        public int RefusedCount { get; private set; }

        /// <summary>Damaged or torn bytes skipped when the outbox was opened.</summary>
        public int SkippedBytes { get; private set; }

        public long FileLength => _fileLength;

        /// <summary>Loads the unsent messages, repairs a torn tail, then increments and persists the boot counter.</summary>
        public void Open()
        {
            AtomicFile.Recover(_store, FileName);
            uint[] ackBoots;
            uint[] ackSeqs;
            int ackCount = OutboxLoader.ReadAcks(_store, AckFileName, out ackBoots, out ackSeqs, out bool ackTorn);
            _offsets = OutboxLoader.ScanRecords(_store, FileName, _capacity, ackBoots, ackSeqs, ackCount,
                out _count, out uint highestBoot, out int skipped, out long length);
            _fileLength = length;
            _acksLogged = ackCount;
            SkippedBytes = skipped;
            _opened = true;
            if (skipped > 0 || ackTorn)
            {
                // Later appends must start on a record boundary, so damaged bytes are dropped now.
                CompactUnlocked();
            }
            Boot = BootCounter.Increment(_store, highestBoot);
            NextSeq = 1;
        }

        public int AppendRating(long clockMs, int scale, int score, int[] criteria)
        {
            lock (_sync)
            {
                return AppendUnlocked(TerminalMessage.Rating(Boot, NextSeq, Timestamps.ForPayload(clockMs), scale, score, criteria));
            }
        }

        public int AppendBadge(long clockMs, byte[] uid)
        {
            lock (_sync)
            {
                return AppendUnlocked(TerminalMessage.BadgeEvent(Boot, NextSeq, Timestamps.ForPayload(clockMs), uid));
            }
        }

        public int AppendButtonStuck(long clockMs, int button)
        {
            lock (_sync)
            {
                return AppendUnlocked(TerminalMessage.ButtonStuckEvent(Boot, NextSeq, Timestamps.ForPayload(clockMs), button));
            }
        }

        /// <summary>A boot or watchdog event.</summary>
        public int AppendEvent(int kind, long clockMs)
        {
            lock (_sync)
            {
                return AppendUnlocked(TerminalMessage.SimpleEvent(kind, Boot, NextSeq, Timestamps.ForPayload(clockMs)));
            }
        }

        /// <summary>The unsent message at <paramref name="index"/>, 0 being the oldest.</summary>
        public TerminalMessage Get(int index)
        {
            lock (_sync)
            {
                if (index < 0 || index >= _count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }
                int read = _store.ReadAt(FileName, _offsets[index], _buffer, 0, _buffer.Length);
                if (RecordCodec.ValidLength(_buffer, 0, read) == 0)
                {
                    throw new InvalidOperationException("outbox record changed on flash");
                }
                return RecordCodec.Decode(_buffer, 0);
            }
        }

        /// <summary>Removes an acknowledged message. False when it is not (or no longer) in the outbox.</summary>
        public bool Acknowledge(uint boot, uint seq)
        {
            lock (_sync)
            {
                int index = IndexOf(boot, seq);
                if (index < 0)
                {
                    return false;
                }
                byte[] entry = new byte[AckEntryBytes];
                LittleEndian.WriteUInt32(entry, 0, boot);
                LittleEndian.WriteUInt32(entry, 4, seq);
                LittleEndian.WriteUInt32(entry, 8, Crc32.Compute(entry, 0, 8));
                _store.Append(AckFileName, entry, 0, entry.Length);
                _acksLogged++;
                Array.Copy(_offsets, index + 1, _offsets, index, _count - index - 1);
                _count--;
                if (_acksLogged >= CompactAfterAcks && PendingBytes() * 2 <= _fileLength)
                {
                    CompactUnlocked();
                }
                return true;
            }
        }

        /// <summary>Rewrites the outbox with only the unsent records and drops the ack log.</summary>
        public void Compact()
        {
            lock (_sync)
            {
                CompactUnlocked();
            }
        }

        private void CompactUnlocked()
        {
            string temp = AtomicFile.TempName(FileName);
            _store.Delete(temp);
            int[] offsets = new int[_offsets.Length];
            int pos = 0;
            for (int i = 0; i < _count; i++)
            {
                int read = _store.ReadAt(FileName, _offsets[i], _buffer, 0, _buffer.Length);
                int length = RecordCodec.ValidLength(_buffer, 0, read);
                _store.Append(temp, _buffer, 0, length);
                offsets[i] = pos;
                pos += length;
            }
            if (_count == 0)
            {
                _store.Append(temp, _buffer, 0, 0);
            }
            _store.Replace(temp, FileName);
            _offsets = offsets;
            _fileLength = pos;
            _store.Delete(AckFileName);
            _acksLogged = 0;
        }

        private int AppendUnlocked(TerminalMessage message)
        {
            if (!_opened)
            {
                throw new InvalidOperationException("Open the outbox first");
            }
            byte[] record = RecordCodec.Encode(message);
            if (_count < _capacity && _fileLength + record.Length > _maxFileBytes && _acksLogged > 0)
            {
                CompactUnlocked();
            }
            if (_count >= _capacity || _fileLength + record.Length > _maxFileBytes)
            {
                RefusedCount++;
                return AppendResult.Full;
            }
            try
            {
                _store.Append(FileName, record, 0, record.Length);
            }
            catch (Exception)
            {
                // A failed write may have left part of the record; the next one must start after it. The
                // fragment fails its CRC and is skipped at the next start.
                _fileLength = _store.Length(FileName);
                throw;
            }
            AddOffset((int)_fileLength);
            _fileLength += record.Length;
            NextSeq++;
            return AppendResult.Stored;
        }

        /// <summary>Grows past the capacity only when loading a file written with a larger capacity: never drop a message.</summary>
        private void AddOffset(int offset)
        {
            if (_count == _offsets.Length)
            {
                int[] larger = new int[_offsets.Length * 2];
                Array.Copy(_offsets, larger, _count);
                _offsets = larger;
            }
            _offsets[_count++] = offset;
        }

        private int IndexOf(uint boot, uint seq)
        {
            for (int i = 0; i < _count; i++)
            {
                _store.ReadAt(FileName, _offsets[i] + RecordCodec.KeyOffset, _buffer, 0, 8);
                if (LittleEndian.ReadUInt32(_buffer, 0) == boot && LittleEndian.ReadUInt32(_buffer, 4) == seq)
                {
                    return i;
                }
            }
            return -1;
        }

        private long PendingBytes()
        {
            long total = 0;
            for (int i = 0; i < _count; i++)
            {
                long end = i + 1 < _count ? _offsets[i + 1] : _fileLength;
                total += end - _offsets[i];
            }
            return total;
        }
    }
}
