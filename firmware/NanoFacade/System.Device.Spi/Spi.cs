// Facade of nanoFramework.System.Device.Spi 1.3.89 (namespace System.Device.Spi): declarations only.
namespace System.Device.Spi
{
    public class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine) => throw new NotImplementedException();

        public int ClockFrequency
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    public class SpiDevice : IDisposable
    {
        private SpiDevice() => throw new NotImplementedException();

        public static SpiDevice Create(SpiConnectionSettings settings) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
