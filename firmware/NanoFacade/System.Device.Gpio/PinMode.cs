// Facade of nanoFramework.System.Device.Gpio 1.1.62: declarations only (the members the app uses).
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        Output,
        InputPullDown,
        InputPullUp,
    }
}
