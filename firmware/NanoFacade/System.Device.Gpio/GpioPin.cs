// Facade of nanoFramework.System.Device.Gpio 1.1.62: declarations only.
namespace System.Device.Gpio
{
    public sealed class GpioPin : IDisposable
    {
        private GpioPin() => throw new NotImplementedException();

        public int PinNumber => throw new NotImplementedException();

        public TimeSpan DebounceTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public event PinValueChangedEventHandler ValueChanged;

        public PinValue Read() => throw new NotImplementedException();

        public void Write(PinValue value) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
