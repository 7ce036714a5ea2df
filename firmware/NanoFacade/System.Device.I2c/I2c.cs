// Facade of nanoFramework.System.Device.I2c 1.1.29 (namespace System.Device.I2c): declarations only.
namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) => throw new NotImplementedException();
    }

    public class I2cDevice : IDisposable
    {
        private I2cDevice() => throw new NotImplementedException();

        public static I2cDevice Create(I2cConnectionSettings settings) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
