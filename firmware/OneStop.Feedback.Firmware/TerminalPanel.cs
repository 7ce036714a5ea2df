using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The session's outputs on this board: lamps, status LED, buzzer and, when fitted, the OLED. Texts also go to
    /// the console (the debug output), so a box without a display can be followed from Visual Studio.
    /// </summary>
    public sealed class TerminalPanel : ITerminalOutput
    {
        private readonly Leds _leds;
        private readonly Buzzer _buzzer;
        private readonly OledDisplay _display;

        /// <param name="display">The OLED, or null when none is fitted.</param>
        public TerminalPanel(Leds leds, Buzzer buzzer, OledDisplay display)
        {
            _leds = leds;
            _buzzer = buzzer;
            _display = display;
        }

        public void ShowText(string text)
        {
            System.Console.WriteLine("[text] " + text);
            if (_display == null)
            {
                return;
            }
            try
            {
                _display.Show(text);
            }
            catch (System.Exception ex)
            {
                // A loose display cable must not stop ratings: the lamps and buzzer still guide the citizen.
                System.Console.WriteLine("display: " + ex.Message);
            }
        }

        public void SetButtonLeds(int count) => _leds.SetButtons(count);

        public void SetStatusLed(int pattern) => _leds.SetStatus(pattern);

        public void Beep(int pattern) => _buzzer.Beep(pattern);
    }
}
