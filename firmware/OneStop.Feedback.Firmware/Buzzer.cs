using System.Device.Pwm;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The passive buzzer, driven by PWM at about 2.7 kHz (its resonance). A timer ends each beep, so the UI loop
    /// never sleeps for a sound.
    /// </summary>
    public sealed class Buzzer
    {
        private const int FrequencyHz = 2700;

        private readonly PwmChannel _pwm;
        private readonly Timer _stop;

        public Buzzer()
        {
            Configuration.SetPinFunction(Pins.Buzzer, DeviceFunction.PWM1);
            _pwm = PwmChannel.CreateFromPin(Pins.Buzzer, FrequencyHz, 0.5);
            _stop = new Timer(Silence, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>A short click for a press, a longer tone for the thank-you (the same whatever the score).</summary>
        public void Beep(int pattern)
        {
            int ms = pattern == Core.Session.Feedback.BeepThanks ? 250 : 40;
            _pwm.Start();
            _stop.Change(ms, Timeout.Infinite);
        }

        private void Silence(object state) => _pwm.Stop();
    }
}
