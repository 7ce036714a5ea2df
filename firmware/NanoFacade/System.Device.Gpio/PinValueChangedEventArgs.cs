// Facade of nanoFramework.System.Device.Gpio 1.1.62: declarations only.
namespace System.Device.Gpio
{
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public class PinValueChangedEventArgs : EventArgs
    {
        private PinValueChangedEventArgs() => throw new NotImplementedException();

        public PinEventTypes ChangeType => throw new NotImplementedException();

        public int PinNumber => throw new NotImplementedException();
    }
}
