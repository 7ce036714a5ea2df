// Facade of nanoFramework.System.IO.Streams 1.1.96: declarations only.
namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}
