using System;
using System.IO;
using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Core.Host
{
    /// <summary>
    /// <see cref="IFileStore"/> on a directory of real files, for the simulator and host tests (host build only;
    /// the nanoFramework app has its own store on "I:\"). Appends are flushed to disk before returning, because
    /// the outbox publishes a message only after its append returned.
    /// </summary>
    public sealed class DirectoryFileStore : IFileStore
    {
        private readonly string _directory;

        public DirectoryFileStore(string directory)
        {
            _directory = directory;
            Directory.CreateDirectory(directory);
        }

        public bool Exists(string name) => File.Exists(PathOf(name));

        public long Length(string name)
        {
            var info = new FileInfo(PathOf(name));
            return info.Exists ? info.Length : 0;
        }

        public int ReadAt(string name, long position, byte[] buffer, int offset, int count)
        {
            if (!Exists(name))
            {
                return 0;
            }
            using var stream = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (position >= stream.Length)
            {
                return 0;
            }
            stream.Position = position;
            var total = 0;
            while (total < count)
            {
                var n = stream.Read(buffer, offset + total, count - total);
                if (n == 0)
                {
                    break;
                }
                total += n;
            }
            return total;
        }

        public void Append(string name, byte[] data, int offset, int count)
        {
            using var stream = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(data, offset, count);
            stream.Flush(flushToDisk: true);
        }

        /// <summary>A rename over the target, which is atomic on the file systems the host runs on.</summary>
        public void Replace(string sourceName, string targetName) => File.Move(PathOf(sourceName), PathOf(targetName), overwrite: true);

        public void Delete(string name) => File.Delete(PathOf(name));

        private string PathOf(string name)
        {
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException("a plain file name is expected", nameof(name));
            }
            return Path.Combine(_directory, name);
        }
    }
}
