// Facade of nanoFramework.Iot.Device.Mfrc522 1.2.883 (namespace Iot.Device.Mfrc522, Mfrc522.cs): declarations only.
using System;
using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Rfid;

namespace Iot.Device.Mfrc522
{
    public class MfRc522 : IDisposable
    {
        public MfRc522(SpiDevice spiDevice, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) => throw new NotImplementedException();

        public bool ListenToCardIso14443TypeA(out Data106kbpsTypeA card, TimeSpan timeout) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
