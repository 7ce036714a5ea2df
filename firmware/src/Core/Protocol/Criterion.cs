namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>The "5 biết" criteria; the index order is the protocol's fixed order.</summary>
    public static class Criterion
    {
        public const int Listen = 0;
        public const int Explain = 1;
        public const int Trust = 2;
        public const int Apologize = 3;
        public const int Thank = 4;
        public const int Count = 5;

        /// <summary>Value of an unanswered criterion in a criteria array.</summary>
        public const int NotAnswered = 0;

        public static string Id(int index)
        {
            switch (index)
            {
                case Listen: return "listen";
                case Explain: return "explain";
                case Trust: return "trust";
                case Apologize: return "apologize";
                case Thank: return "thank";
                default: return null;
            }
        }

        /// <summary>Index of a criterion id, or -1.</summary>
        public static int IndexOf(string id)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Id(i) == id)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
