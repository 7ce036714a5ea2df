// Facade of nanoFramework.System.IO.FileSystem 1.1.93: declarations only.
namespace System.IO
{
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
