using System.Device.Gpio;

namespace OneStop.Feedback.Firmware
{
    /// <summary>The five button lamps (through the ULN2003A) and the red/green status LED; all active high.</summary>
    public sealed class Leds
    {
        private readonly GpioPin[] _lamps;
        private readonly GpioPin _red;
        private readonly GpioPin _green;

        public Leds(GpioController gpio)
        {
            int[] numbers = new int[] { Pins.ButtonLed1, Pins.ButtonLed2, Pins.ButtonLed3, Pins.ButtonLed4, Pins.ButtonLed5 };
            _lamps = new GpioPin[numbers.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                _lamps[i] = gpio.OpenPin(numbers[i], PinMode.Output);
                _lamps[i].Write(PinValue.Low);
            }
            _red = gpio.OpenPin(Pins.StatusLedRed, PinMode.Output);
            _green = gpio.OpenPin(Pins.StatusLedGreen, PinMode.Output);
        }

        /// <summary>Lights the lamps of buttons 1..count (the usable buttons of the configured scale).</summary>
        public void SetButtons(int count)
        {
            for (int i = 0; i < _lamps.Length; i++)
            {
                _lamps[i].Write(i < count ? PinValue.High : PinValue.Low);
            }
        }

        /// <summary>Green = ready, amber = thank-you, red = storage full, off = idle.</summary>
        public void SetStatus(int pattern)
        {
            bool red = pattern == Core.Session.Feedback.StatusFull || pattern == Core.Session.Feedback.StatusThanks;
            bool green = pattern == Core.Session.Feedback.StatusReady || pattern == Core.Session.Feedback.StatusThanks;
            _red.Write(red ? PinValue.High : PinValue.Low);
            _green.Write(green ? PinValue.High : PinValue.Low);
        }
    }
}
