using System.IO;
using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The Core's file store on the ESP32's internal LittleFS partition ("I:\"), the same partition that keeps the
    /// Wi-Fi configuration and certificates (256 KB on 4 MB boards), which is why the outbox is capped at 64 KB.
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        private readonly string _root;

        public FlashFileStore(string root)
        {
            _root = root;
        }

        public bool Exists(string name) => File.Exists(_root + name);

        public long Length(string name)
        {
            string path = _root + name;
            if (!File.Exists(path))
            {
                return 0;
            }
            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return stream.Length;
            }
        }

        public int ReadAt(string name, long position, byte[] buffer, int offset, int count)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Open, FileAccess.Read))
            {
                stream.Seek(position, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int read = stream.Read(buffer, offset + total, count - total);
                    if (read <= 0)
                    {
                        break;
                    }
                    total += read;
                }
                return total;
            }
        }

        public void Append(string name, byte[] data, int offset, int count)
        {
            using (FileStream stream = new FileStream(_root + name, FileMode.Append))
            {
                stream.Write(data, offset, count);
                // The thank-you follows this call: the record must be on flash, not in a buffer.
                stream.Flush();
            }
        }

        public void Replace(string sourceName, string targetName)
        {
            // No rename-over on this file system API: delete, then move. The Core finishes an interrupted
            // replace at the next start (AtomicFile.Recover).
            string target = _root + targetName;
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            File.Move(_root + sourceName, target);
        }

        public void Delete(string name)
        {
            string path = _root + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
