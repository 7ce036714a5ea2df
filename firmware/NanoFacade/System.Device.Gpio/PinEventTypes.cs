// Facade of nanoFramework.System.Device.Gpio 1.1.62: declarations only.
namespace System.Device.Gpio
{
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }
}
