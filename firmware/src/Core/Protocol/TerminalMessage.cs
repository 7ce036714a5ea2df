using System;

namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>
    /// One rating or event as the terminal stores and sends it. The payload is always derived from these fields
    /// (never kept as text), so a message resent after a reboot has the same bytes as the first attempt.
    /// </summary>
    public sealed class TerminalMessage
    {
        public const int MinBadgeBytes = 4;
        public const int MaxBadgeBytes = 10;

        private TerminalMessage(int kind, uint boot, uint seq, long timestamp)
        {
            Kind = kind;
            Boot = boot;
            Seq = seq;
            Timestamp = timestamp;
        }

        /// <summary>A <see cref="MessageKind"/> constant.</summary>
        public int Kind { get; }

        public uint Boot { get; }

        public uint Seq { get; }

        /// <summary>Unix ms, or 0 when the terminal clock was not synchronised.</summary>
        public long Timestamp { get; }

        public int Scale { get; private set; }

        public int Score { get; private set; }

        private int[] _criteria;
        private byte[] _badgeUid;

        /// <summary>Button number of a button-stuck event.</summary>
        public int Button { get; private set; }

        public bool IsRating => Kind == MessageKind.Rating;

        /// <summary>Answer of a criterion (1..scale), or <see cref="Criterion.NotAnswered"/>.</summary>
        public int CriterionAnswer(int index) => _criteria == null ? Criterion.NotAnswered : _criteria[index];

        public bool HasCriteria
        {
            get
            {
                for (int i = 0; i < Criterion.Count; i++)
                {
                    if (CriterionAnswer(i) != Criterion.NotAnswered)
                    {
                        return true;
                    }
                }
                return false;
            }
        }

        /// <summary>A copy of the badge uid bytes (null unless a badge event).</summary>
        public byte[] BadgeUid()
        {
            if (_badgeUid == null)
            {
                return null;
            }
            byte[] copy = new byte[_badgeUid.Length];
            Array.Copy(_badgeUid, copy, copy.Length);
            return copy;
        }

        /// <param name="criteria">Five answers in protocol order (0 = not answered), or null for none.</param>
        public static TerminalMessage Rating(uint boot, uint seq, long timestamp, int scale, int score, int[] criteria)
        {
            if (scale < 3 || scale > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(scale));
            }
            if (score < 1 || score > scale)
            {
                throw new ArgumentOutOfRangeException(nameof(score));
            }
            CheckTimestamp(timestamp);
            TerminalMessage m = new TerminalMessage(MessageKind.Rating, boot, seq, timestamp) { Scale = scale, Score = score };
            if (criteria != null)
            {
                if (criteria.Length != Criterion.Count)
                {
                    throw new ArgumentException("five criteria expected", nameof(criteria));
                }
                m._criteria = new int[Criterion.Count];
                for (int i = 0; i < Criterion.Count; i++)
                {
                    if (criteria[i] < 0 || criteria[i] > scale)
                    {
                        throw new ArgumentOutOfRangeException(nameof(criteria));
                    }
                    m._criteria[i] = criteria[i];
                }
            }
            return m;
        }

        public static TerminalMessage BadgeEvent(uint boot, uint seq, long timestamp, byte[] uid)
        {
            if (uid == null || uid.Length < MinBadgeBytes || uid.Length > MaxBadgeBytes)
            {
                throw new ArgumentException("a badge uid has 4 to 10 bytes", nameof(uid));
            }
            CheckTimestamp(timestamp);
            TerminalMessage m = new TerminalMessage(MessageKind.Badge, boot, seq, timestamp);
            m._badgeUid = new byte[uid.Length];
            Array.Copy(uid, m._badgeUid, uid.Length);
            return m;
        }

        public static TerminalMessage ButtonStuckEvent(uint boot, uint seq, long timestamp, int button)
        {
            if (button < 0 || button > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(button));
            }
            CheckTimestamp(timestamp);
            return new TerminalMessage(MessageKind.ButtonStuck, boot, seq, timestamp) { Button = button };
        }

        /// <summary>An event without extra fields: <see cref="MessageKind.Boot"/> or <see cref="MessageKind.Watchdog"/>.</summary>
        public static TerminalMessage SimpleEvent(int kind, uint boot, uint seq, long timestamp)
        {
            if (kind != MessageKind.Boot && kind != MessageKind.Watchdog)
            {
                throw new ArgumentOutOfRangeException(nameof(kind));
            }
            CheckTimestamp(timestamp);
            return new TerminalMessage(kind, boot, seq, timestamp);
        }

        private static void CheckTimestamp(long timestamp)
        {
            if (timestamp < 0 || timestamp > Timestamps.MaxStorable)
            {
                throw new ArgumentOutOfRangeException(nameof(timestamp));
            }
        }
    }
}
