using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>
/// The logs are one of the paths a hidden score must not leak through: with every category at its most verbose level
/// (SQL, messages, hub traffic), nothing of a blind rating is written before the reveal.
/// </summary>
public sealed class HiddenScoreLogTests
{
    [Fact]
    public async Task a_blind_rating_reaches_no_log_line_before_the_reveal_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(configure: builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Configuration["Logging:LogLevel:Default"] = "Trace";
            builder.Logging.AddProvider(logs);
        });
        await using var workshop = await Workshop.OpenAsync(app);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        await workshop.ConnectAsync(workshop.FacilitatorInvite);
        await workshop.ConnectAsync(cityInvite);
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");

        const string secret = "rationale-only-in-a-blind-round-7f3a";
        await app.ClientFor(cityInvite).PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 3, rationale = secret, roundId });
        await app.ClientFor(cityInvite).GetJsonAsync(workshop.SessionUrl);

        logs.Lines.ShouldNotContain(line => line.Contains(secret), "a blind rating is not in the logs before the reveal");
        logs.Lines.ShouldContain(line => line.StartsWith("Marten") && line.Contains("SQL"), "the event store's commands are in the capture");
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The state is logged too: structured properties (SQL parameters, message bodies) must not hold the score either.
                lines.Enqueue($"{category} {formatter(state, exception)} {state} {exception}");
            }
        }
    }
}
