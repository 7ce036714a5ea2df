// Facade of nanoFramework.Iot.Device.Card 1.2.x (namespace Iot.Device.Rfid, Data106kbpsTypeA.cs): declarations only.
using System;

namespace Iot.Device.Rfid
{
    public class Data106kbpsTypeA
    {
        private Data106kbpsTypeA() => throw new NotImplementedException();

        /// <summary>The card's unique id (4, 7 or 10 bytes).</summary>
        public byte[] NfcId => throw new NotImplementedException();
    }
}
