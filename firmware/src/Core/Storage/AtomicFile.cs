namespace OneStop.Feedback.Firmware.Core.Storage
{
    /// <summary>Whole-file reads and crash-safe whole-file writes on top of <see cref="IFileStore"/>.</summary>
    public static class AtomicFile
    {
        public static string TempName(string name) => name + ".tmp";

        /// <summary>Writes through "name.tmp" and a replace, so a power cut leaves the old or the new content.</summary>
        public static void Write(IFileStore store, string name, byte[] data, int count)
        {
            string temp = TempName(name);
            store.Delete(temp);
            store.Append(temp, data, 0, count);
            store.Replace(temp, name);
        }

        /// <summary>
        /// Finishes a replace cut short between deleting the target and moving "name.tmp" into place; otherwise
        /// drops a leftover (possibly partial) "name.tmp". Call before reading a file written by <see cref="Write"/>.
        /// </summary>
        public static void Recover(IFileStore store, string name)
        {
            string temp = TempName(name);
            if (!store.Exists(temp))
            {
                return;
            }
            if (store.Exists(name))
            {
                store.Delete(temp);
            }
            else
            {
                store.Replace(temp, name);
            }
        }

        /// <summary>The whole file, or null when it does not exist. Only for small files (config, counters).</summary>
        public static byte[] ReadAll(IFileStore store, string name)
        {
            Recover(store, name);
            if (!store.Exists(name))
            {
                return null;
            }
            byte[] data = new byte[(int)store.Length(name)];
            int read = 0;
            while (read < data.Length)
            {
                int n = store.ReadAt(name, read, data, read, data.Length - read);
                if (n <= 0)
                {
                    break;
                }
                read += n;
            }
            return data;
        }
    }
}
