using System.Device.I2c;
using Iot.Device.Ssd13xx;
using nanoFramework.Hardware.Esp32;
using OneStop.Feedback.Firmware.Core.Display;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The optional 0.96" SSD1306 OLED (128×64, I2C bus 1 at 0x3C) through Iot.Device.Ssd13xx. Text is drawn with
    /// the Core's <see cref="TextFont"/> (8×16 cells: 16 columns × 4 lines), which composes the Vietnamese marks
    /// the library's sample fonts lack, so "Cảm ơn ông/bà!" shows with its diacritics. Lines are word-wrapped and
    /// centred by <see cref="TextLayout"/>. Fitted only when device.json says <c>"display": true</c>.
    /// </summary>
    public sealed class OledDisplay
    {
        private const int Columns = 128 / TextFont.Width;
        private const int Lines = 64 / TextFont.Height;

        private readonly Ssd1306 _oled;

        public OledDisplay()
        {
            // The bus pins are not nanoFramework's ESP32 defaults (hardware/pinmap.json).
            Configuration.SetPinFunction(Pins.I2cSda, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(Pins.I2cScl, DeviceFunction.I2C1_CLOCK);
            _oled = new Ssd1306(I2cDevice.Create(new I2cConnectionSettings(1, Ssd1306.DefaultI2cAddress, I2cBusSpeed.FastMode)));
            _oled.Font = new OledFont(new TextFont());
        }

        /// <summary>
        /// Replaces the screen with <paramref name="text"/>, centred; an empty text blanks it. Two 1 KB frames at
        /// 400 kHz (a blank one from ClearScreen, then the text), about 50 ms on the UI thread; a button held
        /// meanwhile is still low when the loop samples it next (a press lasts far longer).
        /// </summary>
        public void Show(string text)
        {
            string[] lines = TextLayout.Wrap(text, Columns, Lines);
            _oled.ClearScreen();
            int top = (Lines - lines.Length) * TextFont.Height / 2;
            for (int i = 0; i < lines.Length; i++)
            {
                int x = TextLayout.CenteredColumn(lines[i].Length, Columns) * TextFont.Width;
                _oled.DrawString(x, top + (i * TextFont.Height), lines[i]);
            }
            _oled.Display();
        }

        /// <summary>The Core's font in the shape Iot.Device.Ssd13xx draws: one byte per row, bit 0 = leftmost pixel.</summary>
        private sealed class OledFont : IFont
        {
            private readonly TextFont _font;

            public OledFont(TextFont font) => _font = font;

            public override byte Width => TextFont.Width;

            public override byte Height => TextFont.Height;

            public override byte[] this[char character] => _font.Glyph(character);
        }
    }
}
