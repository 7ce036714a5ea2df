// Facade of nanoFramework.System.Threading 1.1.52 (namespace System.Threading): declarations only.
namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested => throw new NotImplementedException();
    }
}
