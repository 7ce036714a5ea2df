namespace OneStop.Feedback.Firmware.Core.Display
{
    /// <summary>Word wrapping for a fixed grid of character cells (the OLED: 16 columns × 4 lines of 8×16).</summary>
    public static class TextLayout
    {
        /// <summary>
        /// Breaks <paramref name="text"/> at spaces and newlines into at most <paramref name="maxLines"/> lines of at
        /// most <paramref name="columns"/> characters; a longer word is cut. Text beyond the last line is dropped.
        /// </summary>
        public static string[] Wrap(string text, int columns, int maxLines)
        {
            string[] lines = new string[maxLines];
            int count = 0;
            string current = string.Empty;
            int i = 0;
            string value = text ?? string.Empty;
            while (i <= value.Length && count < maxLines)
            {
                if (i == value.Length)
                {
                    if (current.Length > 0 || count == 0)
                    {
                        lines[count++] = current;
                    }
                    break;
                }
                if (value[i] == '\n')
                {
                    lines[count++] = current;
                    current = string.Empty;
                    i++;
                    continue;
                }
                if (value[i] == ' ')
                {
                    i++;
                    continue;
                }
                int end = i;
                while (end < value.Length && value[end] != ' ' && value[end] != '\n')
                {
                    end++;
                }
                string word = value.Substring(i, end - i);
                while (word.Length > columns && count < maxLines)
                {
                    if (current.Length > 0)
                    {
                        lines[count++] = current;
                        current = string.Empty;
                        continue;
                    }
                    lines[count++] = word.Substring(0, columns);
                    word = word.Substring(columns);
                }
                if (count >= maxLines)
                {
                    break;
                }
                if (current.Length == 0)
                {
                    current = word;
                }
                else if (current.Length + 1 + word.Length <= columns)
                {
                    current = current + " " + word;
                }
                else
                {
                    lines[count++] = current;
                    current = word;
                }
                i = end;
            }
            string[] result = new string[count];
            for (int k = 0; k < count; k++)
            {
                result[k] = lines[k];
            }
            return result;
        }

        /// <summary>The first column that centres a line of <paramref name="length"/> characters.</summary>
        public static int CenteredColumn(int length, int columns) => length >= columns ? 0 : (columns - length) / 2;
    }
}
