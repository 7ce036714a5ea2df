// Facade of nanoFramework.System.Device.Gpio 1.1.62 (namespace System.Device.Gpio): declarations only.
namespace System.Device.Gpio
{
    public class GpioController : IDisposable
    {
        public GpioController() => throw new NotImplementedException();

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
