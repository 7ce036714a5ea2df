namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>What the rating session drives: display, button LEDs, status LED and buzzer (patterns are app-defined numbers).</summary>
    public interface ITerminalOutput
    {
        void ShowText(string text);

        /// <summary>Lights the first <paramref name="count"/> buttons; 0 turns all off.</summary>
        void SetButtonLeds(int count);

        void SetStatusLed(int pattern);

        void Beep(int pattern);
    }
}
