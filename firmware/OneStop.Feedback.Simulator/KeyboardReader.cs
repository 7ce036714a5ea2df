using OneStop.Feedback.Simulation;

namespace OneStop.Feedback.Simulator;

/// <summary>
/// Feeds keys 1–5 to a <see cref="KeyCitizen"/> from a background thread; q or Esc stops the run. On a terminal
/// the keys are read one by one without echo; from redirected input (<c>echo 153 | onestop-sim --keyboard …</c>)
/// or a given reader the characters are read in order, other characters are ignored and the end of the input
/// only ends the reading (the run goes on until its ratings are acknowledged).
/// </summary>
internal static class KeyboardReader
{
    public static void Start(KeyCitizen citizen, CancellationTokenSource stop, TextReader? input = null)
    {
        input ??= Console.IsInputRedirected ? Console.In : null;
        var thread = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                char key;
                if (input is null)
                {
                    var info = Console.ReadKey(intercept: true);
                    key = info.Key == ConsoleKey.Escape ? 'q' : info.KeyChar;
                }
                else
                {
                    var read = input.Read();
                    if (read < 0)
                    {
                        return;
                    }
                    key = (char)read;
                }
                if (key is >= '1' and <= '5')
                {
                    citizen.Press(key - '0');
                }
                else if (key == 'q')
                {
                    stop.Cancel();
                }
            }
        })
        { IsBackground = true, Name = "keyboard" };
        thread.Start();
    }
}
