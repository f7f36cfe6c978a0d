using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceSharing.Web.Auth;

namespace ServiceSharing.Web.Security;

/// <summary>
/// No log line carries a participant token or the admin key, at any level and in any provider: every logger the app
/// hands out redacts its message and its structured values before the providers see them. The hub's access_token
/// in the query string (browsers cannot set headers on WebSockets) is what ASP.NET Core's own "Request starting"
/// line would otherwise print.
/// </summary>
public static partial class SecretRedaction
{
    public const string Redacted = "[redacted]";

    public static void AddSecretRedaction(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(
            new LoggerFactory(
                provider.GetServices<ILoggerProvider>(),
                provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                provider.GetService<IOptions<LoggerFactoryOptions>>(),
                provider.GetService<IExternalScopeProvider>()),
            Secrets(provider.GetRequiredService<IOptions<ServiceSharingOptions>>().Value))));

    /// <summary>Configured keys short enough to be ordinary words are left alone: redacting them would garble every line.</summary>
    private static string[] Secrets(ServiceSharingOptions options) =>
        new[] { options.AdminKey, options.SigningKey }.OfType<string>().Where(s => s.Length >= 8).ToArray();

    public static string Redact(string text, IReadOnlyList<string> secrets)
    {
        if (text.Contains("eyJ", StringComparison.Ordinal) || text.Contains("access_token", StringComparison.OrdinalIgnoreCase))
        {
            text = QueryToken().Replace(Jwt().Replace(text, Redacted), "$1" + Redacted);
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A JSON Web Token: base64url of a JSON header ("eyJ" is '{"'), payload and signature.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(access_token=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner, string[] secrets) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), secrets);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner, string[] secrets) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = Redact(formatter(state, exception), secrets);
            inner.Log(logLevel, eventId, new RedactedState(state, message, secrets), exception, (s, _) => s.Message);
        }
    }

    /// <summary>The structured values as providers read them (JSON console, OpenTelemetry), each redacted.</summary>
    private sealed class RedactedState(object? state, string message, string[] secrets) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = state is IEnumerable<KeyValuePair<string, object?>> values
            ? values.Select(v => new KeyValuePair<string, object?>(v.Key, RedactValue(v.Value, secrets))).ToArray()
            : [];

        public string Message { get; } = message;

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;

        private static object? RedactValue(object? value, string[] secrets) => value switch
        {
            null or bool or int or long or double or decimal or Guid or DateTime or DateTimeOffset or TimeSpan or Enum => value,
            string text => Redact(text, secrets),
            _ => value.ToString() is { } text && Redact(text, secrets) is var redacted && redacted != text ? redacted : value
        };
    }
}
