namespace OneStop.Feedback.Firmware.Core.Storage
{
    /// <summary>Fixed byte order for flash records, independent of the CPU (BinaryPrimitives is not in nano's mscorlib).</summary>
    public static class LittleEndian
    {
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        public static uint ReadUInt32(byte[] buffer, int offset) =>
            buffer[offset] | ((uint)buffer[offset + 1] << 8) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 24);

        public static void WriteUInt48(byte[] buffer, int offset, long value)
        {
            for (int i = 0; i < 6; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        public static long ReadUInt48(byte[] buffer, int offset)
        {
            long value = 0;
            for (int i = 5; i >= 0; i--)
            {
                value = (value << 8) | buffer[offset + i];
            }
            return value;
        }
    }
}
