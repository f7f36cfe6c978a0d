using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Weasel.Postgresql;

namespace ServiceSharing.Web.Outage;

/// <summary>
/// While PostgreSQL cannot be reached every call that needs it answers 503 with Retry-After, never 500. Nothing of
/// the request was committed (a commit that broke is rolled back by the server), so a retry with the same
/// Idempotency-Key is safe. The pool is cleared too: after PostgreSQL restarts, every idle pooled connection is
/// dead, and each would otherwise fail one more request once the server is back.
/// </summary>
public sealed class DatabaseOutageHandler(IProblemDetailsService problems, IDocumentStore store, ILogger<DatabaseOutageHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason}).",
            context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        if (store.Storage.Database is PostgresqlDatabase database)
        {
            database.DataSource.Clear();
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Saving is paused: the database cannot be reached.",
                Detail = $"Nothing was saved. Try again in {DatabaseOutage.RetryAfterSeconds} seconds; " +
                         "a retry with the same Idempotency-Key is recorded once."
            }
        });
    }
}
