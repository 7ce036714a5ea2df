// Facade of nanoFramework.System.IO.FileSystem 1.1.93: declarations only.
namespace System.IO
{
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) => throw new NotImplementedException();

        public FileStream(string path, FileMode mode, FileAccess access) => throw new NotImplementedException();

        public override long Length => throw new NotImplementedException();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotImplementedException();

        public override void Flush() => throw new NotImplementedException();
    }
}
