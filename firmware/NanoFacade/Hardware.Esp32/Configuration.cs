// Facade of nanoFramework.Hardware.Esp32 1.6.40 (namespace nanoFramework.Hardware.Esp32): declarations only.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public static class Configuration
    {
        public static void SetPinFunction(int gpioNumber, DeviceFunction function) => throw new NotImplementedException();
    }
}
