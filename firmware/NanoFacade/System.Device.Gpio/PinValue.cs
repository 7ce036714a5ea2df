// Facade of nanoFramework.System.Device.Gpio 1.1.62: declarations only.
namespace System.Device.Gpio
{
    public struct PinValue
    {
        public static PinValue High => throw new NotImplementedException();

        public static PinValue Low => throw new NotImplementedException();

        public static bool operator ==(PinValue a, PinValue b) => throw new NotImplementedException();

        public static bool operator !=(PinValue a, PinValue b) => throw new NotImplementedException();

        public override bool Equals(object obj) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();
    }
}
