namespace OneStop.Feedback.Firmware.Core.Config
{
    /// <summary>
    /// Periods of the day (Vietnam time, UTC+7, no DST) when no rating is accepted, e.g. the lunch break.
    /// A period may wrap past midnight ("22:00"–"06:00"). With an unsynchronised clock nothing is quiet: better
    /// to accept a rating at lunch than to refuse them all day.
    /// </summary>
    public sealed class QuietHours
    {
        private const long VietnamOffsetMinutes = 7 * 60;
        private const int MinutesPerDay = 24 * 60;
        private readonly int[] _from;
        private readonly int[] _to;

        /// <param name="from">Start of each period in minutes after local midnight (inclusive).</param>
        /// <param name="to">End of each period in minutes after local midnight (exclusive).</param>
        public QuietHours(int[] from, int[] to)
        {
            _from = from;
            _to = to;
        }

        public static QuietHours None { get; } = new QuietHours(new int[0], new int[0]);

        public int Count => _from.Length;

        public int FromMinutes(int index) => _from[index];

        public int ToMinutes(int index) => _to[index];

        public bool Contains(long unixMs)
        {
            if (!Protocol.Timestamps.IsSynced(unixMs))
            {
                return false;
            }
            int minute = (int)(((unixMs / 60000) + VietnamOffsetMinutes) % MinutesPerDay);
            for (int i = 0; i < _from.Length; i++)
            {
                bool inside = _from[i] <= _to[i]
                    ? minute >= _from[i] && minute < _to[i]
                    : minute >= _from[i] || minute < _to[i];
                if (inside)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Minutes after midnight of "HH:MM" (00:00–24:00), or -1.</summary>
        public static int ParseTime(string text)
        {
            if (text == null || text.Length != 5 || text[2] != ':')
            {
                return -1;
            }
            int h1 = text[0] - '0';
            int h2 = text[1] - '0';
            int m1 = text[3] - '0';
            int m2 = text[4] - '0';
            if (h1 < 0 || h1 > 9 || h2 < 0 || h2 > 9 || m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9)
            {
                return -1;
            }
            int minutes = (((h1 * 10) + h2) * 60) + (m1 * 10) + m2;
            return minutes <= MinutesPerDay ? minutes : -1;
        }
    }
}
