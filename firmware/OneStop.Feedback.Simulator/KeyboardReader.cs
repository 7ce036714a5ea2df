using OneStop.Feedback.Simulation;

namespace OneStop.Feedback.Simulator;

/// <summary>Feeds keys 1–5 to a <see cref="KeyCitizen"/> from a background thread; q or Esc stops the run.</summary>
internal static class KeyboardReader
{
    public static void Start(KeyCitizen citizen, CancellationTokenSource stop)
    {
        if (Console.IsInputRedirected)
        {
            return;
        }
        var thread = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar is >= '1' and <= '5')
                {
                    citizen.Press(key.KeyChar - '0');
                }
                else if (key.KeyChar == 'q' || key.Key == ConsoleKey.Escape)
                {
                    stop.Cancel();
                }
            }
        })
        { IsBackground = true, Name = "keyboard" };
        thread.Start();
    }
}
