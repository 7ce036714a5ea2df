using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Simulation;

/// <summary>The terminal's display, lamps and buzzer, remembered instead of driven, and announced on change.</summary>
public sealed class SimulatedPanel : ITerminalOutput
{
    public string Text { get; private set; } = "";

    public int LitButtons { get; private set; }

    public int StatusLed { get; private set; }

    public int Beeps { get; private set; }

    /// <summary>Raised with the new text whenever the display changes.</summary>
    public event EventHandler<string>? TextChanged;

    public void ShowText(string text)
    {
        if (text == Text)
        {
            return;
        }
        Text = text;
        TextChanged?.Invoke(this, text);
    }

    public void SetButtonLeds(int count) => LitButtons = count;

    public void SetStatusLed(int pattern) => StatusLed = pattern;

    public void Beep(int pattern) => Beeps++;
}
