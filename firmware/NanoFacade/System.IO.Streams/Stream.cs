// Facade of nanoFramework.System.IO.Streams 1.1.96 (namespace System.IO): declarations only.
namespace System.IO
{
    public abstract class Stream : IDisposable
    {
        public abstract long Length { get; }

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void Flush();

        public void Dispose() => throw new NotImplementedException();
    }
}
