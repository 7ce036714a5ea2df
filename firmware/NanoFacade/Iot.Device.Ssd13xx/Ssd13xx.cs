// Facade of nanoFramework.Iot.Device.Ssd13xx 1.3.689 (namespace Iot.Device.Ssd13xx; IFont.cs, Ssd13xx.cs,
// Ssd1306.cs of nanoframework/nanoFramework.IoT.Device devices/Ssd13xx): declarations only.
using System;
using System.Device.I2c;

namespace Iot.Device.Ssd13xx
{
    /// <summary>An 8- (or 16-) pixel-wide font: <c>this[c]</c> returns one byte per row, bit 0 = leftmost pixel.</summary>
    public abstract class IFont
    {
        public virtual byte Width => throw new NotImplementedException();

        public virtual byte Height => throw new NotImplementedException();

        public abstract byte[] this[char character] { get; }
    }

    public abstract class Ssd13xx : IDisposable
    {
        protected Ssd13xx() => throw new NotImplementedException();

        public IFont Font
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public int Width => throw new NotImplementedException();

        public void DrawString(int x, int y, string str, byte size = 1, bool center = false) => throw new NotImplementedException();

        public void Display() => throw new NotImplementedException();

        public void ClearScreen() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public class Ssd1306 : Ssd13xx
    {
        public const byte DefaultI2cAddress = 0x3C;

        public Ssd1306(I2cDevice i2cDevice, int resetPin = -1) => throw new NotImplementedException();
    }
}
