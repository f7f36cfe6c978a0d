using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>Every log line of an app, at whatever level it allows, with its scopes (the consoles write them): for tests
/// of what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName, _lines, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Capture(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Every structured value too (SQL parameters, message bodies), as a JSON console or an OpenTelemetry
            // exporter would write it.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var scoped = new System.Text.StringBuilder();
            scopes().ForEachScope((scope, text) =>
            {
                text.Append(" => ").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> named)
                {
                    text.Append(' ').AppendJoin(" ", named.Select(p => $"{p.Key}={p.Value}"));
                }
            }, scoped);
            lines.Enqueue($"{category} {formatter(state, exception)} {state} {values} {exception}{scoped}");
        }
    }
}
