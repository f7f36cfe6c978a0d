using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

public sealed class StartupLogTests
{
    /// <summary>Keeps every entry at Information and above.</summary>
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    [Fact]
    public async Task a_first_start_on_an_empty_schema_logs_no_sql_at_information()
    {
        var capture = new Capture();
        await using (await TestApp.StartAsync(configure: builder =>
                     {
                         builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
                         builder.Logging.AddProvider(capture);
                     }))
        {
        }

        var informational = capture.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        informational.ShouldNotBeEmpty("the capture sees the start at Information");
        informational.ShouldNotContain(e => e.Message.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase)
                                            || e.Message.Contains("schema update SQL", StringComparison.OrdinalIgnoreCase)
                                            || e.Message.Contains("CREATE OR REPLACE FUNCTION", StringComparison.OrdinalIgnoreCase),
            string.Join("\n", informational.Select(e => $"{e.Category}: {e.Message[..Math.Min(200, e.Message.Length)]}")));
        informational.Sum(e => e.Message.Split('\n').Length).ShouldBeLessThan(60);
    }
}
