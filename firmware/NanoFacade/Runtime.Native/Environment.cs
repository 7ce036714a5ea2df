// Facade of nanoFramework.Runtime.Native 1.7.11, which adds System.Environment: declarations only.
namespace System
{
    public static class Environment
    {
        public static long TickCount64 => throw new NotImplementedException();
    }
}
