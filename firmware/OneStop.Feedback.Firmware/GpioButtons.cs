using System;
using System.Device.Gpio;
using System.Threading;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The five rating buttons (active low, external pull-ups). Two layers: the native DebounceTimeout filters
    /// contact bounce so a ValueChanged event only wakes the UI loop; the loop then samples each pin through the
    /// Core's <see cref="Debouncer"/>, which also rejects the short glitches GPIO36/39 show while Wi-Fi is on
    /// (ESP32 errata 3.11) and reports a stuck button.
    /// </summary>
    public sealed class GpioButtons
    {
        /// <summary>A press counts after 30 ms of stable low level (pin map note for the input-only pins).</summary>
        public const long DebounceMs = 30;

        /// <summary>Held this long, a button is reported stuck and ignored until released.</summary>
        public const long StuckMs = 15000;

        private readonly GpioPin[] _pins;
        private readonly Debouncer[] _debouncers;
        private readonly AutoResetEvent _changed;

        public GpioButtons(GpioController gpio, AutoResetEvent changed)
        {
            _changed = changed;
            int[] numbers = new int[] { Pins.ButtonLevel1, Pins.ButtonLevel2, Pins.ButtonLevel3, Pins.ButtonLevel4, Pins.ButtonLevel5 };
            _pins = new GpioPin[numbers.Length];
            _debouncers = new Debouncer[numbers.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                // Input, not InputPullUp: GPIO34-39 have no internal pulls; the board has 10 kOhm pull-ups.
                _pins[i] = gpio.OpenPin(numbers[i], PinMode.Input);
                _pins[i].DebounceTimeout = TimeSpan.FromMilliseconds(10);
                _pins[i].ValueChanged += OnValueChanged;
                _debouncers[i] = new Debouncer(DebounceMs, StuckMs);
            }
        }

        /// <summary>Button just stuck (1-5), set by <see cref="Poll"/> when it returns 0 because of it.</summary>
        public int StuckButton { get; private set; }

        /// <summary>Samples every button; returns the pressed button (1-5) or 0. Call every few milliseconds.</summary>
        public int Poll(long nowMs)
        {
            StuckButton = 0;
            int pressed = 0;
            for (int i = 0; i < _pins.Length; i++)
            {
                int result = _debouncers[i].Sample(_pins[i].Read() == PinValue.Low, nowMs);
                if (result == Debouncer.Pressed && pressed == 0)
                {
                    pressed = i + 1;
                }
                else if (result == Debouncer.Stuck)
                {
                    StuckButton = i + 1;
                }
            }
            return pressed;
        }

        // Runs on the runtime's event thread: only wake the loop.
        private void OnValueChanged(object sender, PinValueChangedEventArgs e) => _changed.Set();
    }
}
