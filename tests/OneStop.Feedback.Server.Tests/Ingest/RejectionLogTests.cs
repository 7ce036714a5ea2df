using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneStop.Feedback.Server.Ingest;

namespace OneStop.Feedback.Server.Tests.Ingest;

public class RejectionLogTests
{
    [Fact]
    public void AtMostOneLineASecondPerTerminalIsLogged()
    {
        var time = new FakeTimeProvider();
        var logger = new CountingLogger();
        var log = new RejectionLog(time, logger);

        for (var i = 0; i < 50; i++)
        {
            log.Rejected("T1", "t", "invalid-json", "x");
            log.Rejected("T2", "t", "invalid-json", "x");
        }
        time.Advance(TimeSpan.FromMilliseconds(999));
        log.Rejected("T1", "t", "invalid-json", "x");
        time.Advance(TimeSpan.FromMilliseconds(1));
        log.Rejected("T1", "t", "invalid-json", "x");

        Assert.Equal(3, logger.Lines.Count);
        Assert.Contains("50 earlier rejection(s)", logger.Lines[^1], StringComparison.Ordinal);
    }

    private sealed class CountingLogger : ILogger<RejectionLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
