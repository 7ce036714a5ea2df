namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>Uppercase hexadecimal, as the protocol spells badge uids.</summary>
    public static class Hex
    {
        public static char Digit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

        /// <summary>Value of a hexadecimal digit (either case), or -1.</summary>
        public static int ValueOf(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            return -1;
        }

        public static string Encode(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digit(bytes[i] >> 4);
                chars[(2 * i) + 1] = Digit(bytes[i] & 0xF);
            }
            return new string(chars);
        }
    }
}
