using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>
    /// Binary outbox records: marker, kind, body length, body, CRC-32 of everything before it. A rating is 24
    /// bytes, so 2,000 unsent ratings take 48 KB of flash. A record cut short by a power loss fails the length or
    /// CRC check and is skipped; it was never sent, because a message is sent only after its append returned.
    /// </summary>
    public static class RecordCodec
    {
        public const byte Marker = 0xA5;
        public const int HeaderBytes = 3;
        public const int CrcBytes = 4;

        /// <summary>boot (4) + seq (4) + ts (6).</summary>
        private const int CommonBodyBytes = 14;

        public const int RatingRecordBytes = HeaderBytes + CommonBodyBytes + 3 + CrcBytes;

        /// <summary>Largest record: a badge event with a 10-byte uid.</summary>
        public const int MaxRecordBytes = HeaderBytes + CommonBodyBytes + 1 + TerminalMessage.MaxBadgeBytes + CrcBytes;

        /// <summary>Offset of boot and seq inside a record.</summary>
        public const int KeyOffset = HeaderBytes;

        public static byte[] Encode(TerminalMessage message)
        {
            int extra;
            switch (message.Kind)
            {
                case MessageKind.Rating: extra = 3; break;
                case MessageKind.Badge: extra = 1 + message.BadgeUid().Length; break;
                case MessageKind.ButtonStuck: extra = 1; break;
                default: extra = 0; break;
            }
            int bodyLength = CommonBodyBytes + extra;
            byte[] record = new byte[HeaderBytes + bodyLength + CrcBytes];
            record[0] = Marker;
            record[1] = (byte)message.Kind;
            record[2] = (byte)bodyLength;
            LittleEndian.WriteUInt32(record, 3, message.Boot);
            LittleEndian.WriteUInt32(record, 7, message.Seq);
            LittleEndian.WriteUInt48(record, 11, message.Timestamp);
            int p = HeaderBytes + CommonBodyBytes;
            if (message.Kind == MessageKind.Rating)
            {
                record[p] = (byte)((message.Scale << 4) | message.Score);
                int packed = 0;
                for (int i = 0; i < Criterion.Count; i++)
                {
                    packed |= message.CriterionAnswer(i) << (3 * i);
                }
                record[p + 1] = (byte)packed;
                record[p + 2] = (byte)(packed >> 8);
            }
            else if (message.Kind == MessageKind.Badge)
            {
                byte[] uid = message.BadgeUid();
                record[p] = (byte)uid.Length;
                for (int i = 0; i < uid.Length; i++)
                {
                    record[p + 1 + i] = uid[i];
                }
            }
            else if (message.Kind == MessageKind.ButtonStuck)
            {
                record[p] = (byte)message.Button;
            }
            int crcAt = HeaderBytes + bodyLength;
            LittleEndian.WriteUInt32(record, crcAt, Crc32.Compute(record, 0, crcAt));
            return record;
        }

        /// <summary>
        /// Length of the record starting at <paramref name="offset"/> if its marker, length and CRC are right and
        /// <paramref name="available"/> bytes cover it; else 0.
        /// </summary>
        public static int ValidLength(byte[] buffer, int offset, int available)
        {
            if (available < HeaderBytes + CommonBodyBytes + CrcBytes || buffer[offset] != Marker || !MessageKind.IsKnown(buffer[offset + 1]))
            {
                return 0;
            }
            int bodyLength = buffer[offset + 2];
            int length = HeaderBytes + bodyLength + CrcBytes;
            if (bodyLength < CommonBodyBytes || length > MaxRecordBytes || length > available)
            {
                return 0;
            }
            uint stored = LittleEndian.ReadUInt32(buffer, offset + HeaderBytes + bodyLength);
            return stored == Crc32.Compute(buffer, offset, HeaderBytes + bodyLength) ? length : 0;
        }

        /// <summary>Decodes a record already checked by <see cref="ValidLength"/>; null if its content is not a valid message.</summary>
        public static TerminalMessage Decode(byte[] buffer, int offset)
        {
            int kind = buffer[offset + 1];
            int bodyLength = buffer[offset + 2];
            uint boot = LittleEndian.ReadUInt32(buffer, offset + 3);
            uint seq = LittleEndian.ReadUInt32(buffer, offset + 7);
            long ts = LittleEndian.ReadUInt48(buffer, offset + 11);
            int p = offset + HeaderBytes + CommonBodyBytes;
            int extra = bodyLength - CommonBodyBytes;
            if (ts != 0 && !Timestamps.IsSynced(ts))
            {
                return null;
            }
            switch (kind)
            {
                case MessageKind.Rating:
                    return extra == 3 ? DecodeRating(buffer, p, boot, seq, ts) : null;
                case MessageKind.Badge:
                    int uidLength = buffer[p];
                    if (extra != 1 + uidLength || uidLength < TerminalMessage.MinBadgeBytes || uidLength > TerminalMessage.MaxBadgeBytes)
                    {
                        return null;
                    }
                    byte[] uid = new byte[uidLength];
                    for (int i = 0; i < uidLength; i++)
                    {
                        uid[i] = buffer[p + 1 + i];
                    }
                    return TerminalMessage.BadgeEvent(boot, seq, ts, uid);
                case MessageKind.ButtonStuck:
                    return extra == 1 ? TerminalMessage.ButtonStuckEvent(boot, seq, ts, buffer[p]) : null;
                default:
                    return extra == 0 ? TerminalMessage.SimpleEvent(kind, boot, seq, ts) : null;
            }
        }

        private static TerminalMessage DecodeRating(byte[] buffer, int p, uint boot, uint seq, long ts)
        {
            int scale = buffer[p] >> 4;
            int score = buffer[p] & 0xF;
            if (scale < 3 || scale > 5 || score < 1 || score > scale)
            {
                return null;
            }
            int packed = buffer[p + 1] | (buffer[p + 2] << 8);
            int[] criteria = new int[Criterion.Count];
            for (int i = 0; i < Criterion.Count; i++)
            {
                criteria[i] = (packed >> (3 * i)) & 0x7;
                if (criteria[i] > scale)
                {
                    return null;
                }
            }
            return TerminalMessage.Rating(boot, seq, ts, scale, score, criteria);
        }
    }
}
