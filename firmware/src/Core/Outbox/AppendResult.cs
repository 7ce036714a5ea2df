namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>Outcome of adding a message to the outbox.</summary>
    public static class AppendResult
    {
        /// <summary>Persisted; it will be sent and removed only on PUBACK.</summary>
        public const int Stored = 0;

        /// <summary>Refused because unsent messages fill the outbox; nothing was overwritten. The UI shows "full".</summary>
        public const int Full = 1;
    }
}
