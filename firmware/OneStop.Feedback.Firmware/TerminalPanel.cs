using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The session's outputs on this board: lamps, status LED and buzzer. The board has no display by default,
    /// so texts go to the debug console (an SSD1306 adapter is listed as remaining work in firmware/README.md).
    /// </summary>
    public sealed class TerminalPanel : ITerminalOutput
    {
        private readonly Leds _leds;
        private readonly Buzzer _buzzer;

        public TerminalPanel(Leds leds, Buzzer buzzer)
        {
            _leds = leds;
            _buzzer = buzzer;
        }

        public void ShowText(string text) => System.Console.WriteLine("[text] " + text);

        public void SetButtonLeds(int count) => _leds.SetButtons(count);

        public void SetStatusLed(int pattern) => _leds.SetStatus(pattern);

        public void Beep(int pattern) => _buzzer.Beep(pattern);
    }
}
