// Facade of nanoFramework.System.Threading 1.1.52: declarations only.
namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay) => throw new NotImplementedException();

        public CancellationToken Token => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
