namespace OneStop.Feedback.Firmware.Core.Connectivity
{
    /// <summary>
    /// Turns card reads into badge events: an RFID reader reports a card many times while it lies on the reader,
    /// so the same card within <see cref="RepeatMs"/> of its last read is one tap. Another card is a new tap at once.
    /// </summary>
    public sealed class BadgeFilter
    {
        public const long RepeatMs = 3000;

        /// <summary>Shortest and longest card id the protocol accepts (ISO 14443-A: 4, 7 or 10 bytes).</summary>
        public const int MinUidBytes = 4;
        public const int MaxUidBytes = 10;

        private byte[] _lastUid;
        private long _lastSeen;

        /// <summary>True for a card id the server accepts (4–10 bytes); a misread is dropped, never sent.</summary>
        public static bool IsValidUid(byte[] uid) => uid != null && uid.Length >= MinUidBytes && uid.Length <= MaxUidBytes;

        /// <summary>True when this read is a new tap that should become a badge event (invalid ids never are).</summary>
        public bool IsNewTap(byte[] uid, long nowMs)
        {
            if (!IsValidUid(uid))
            {
                return false;
            }
            bool same = _lastUid != null && SameBytes(_lastUid, uid);
            bool repeat = same && nowMs - _lastSeen < RepeatMs;
            _lastSeen = nowMs;
            if (!same)
            {
                _lastUid = new byte[uid.Length];
                for (int i = 0; i < uid.Length; i++)
                {
                    _lastUid[i] = uid[i];
                }
            }
            return !repeat;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
