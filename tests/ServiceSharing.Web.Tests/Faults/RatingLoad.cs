using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>
/// Raters posting ratings to one board without pause, as a room does, each rating with its own Idempotency-Key and a
/// rationale that names it. A rating that gets no final answer (no connection, 503, 409 while its first try still
/// runs) is retried with the same key until it is acknowledged, as the web app does. Counts every try by answer.
/// </summary>
public sealed class RatingLoad
{
    public const string NoAnswer = "no answer";
    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    private readonly TestAssessment _assessment;
    private readonly IReadOnlyList<HttpClient> _raters;
    private readonly TimeSpan _patience;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();
    private readonly ConcurrentDictionary<string, long> _acknowledged = new();
    private Task[] _running = [];
    private int _tried;

    /// <param name="patience">How long one rating may go unacknowledged before the test fails.</param>
    public RatingLoad(TestAssessment assessment, IReadOnlyList<HttpClient> raters, TimeSpan patience)
    {
        _assessment = assessment;
        _raters = raters;
        _patience = patience;
    }

    public int Tried => _tried;
    public IReadOnlyDictionary<string, int> Answers => _answers;

    /// <summary>Rationale of each acknowledged rating -> the version its answer gave.</summary>
    public IReadOnlyDictionary<string, long> Acknowledged => _acknowledged;

    public void Start() => _running = _raters.Select((client, index) => Task.Run(() => RateUntilStoppedAsync(client, index))).ToArray();

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Stops starting new ratings; every rating already started is retried until acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
    }

    public string Figures() =>
        $"{_tried} requests tried; answers: {string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}; " +
        $"{_acknowledged.Count} ratings acknowledged";

    private async Task RateUntilStoppedAsync(HttpClient client, int rater)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var rationale = $"rater {rater} rating {n}";
            var body = new
            {
                areaId = _assessment.Areas.Values.ElementAt(n % _assessment.Areas.Count),
                factor = Factors[n % Factors.Length],
                score = (rater + n) % 5,
                rationale
            };
            _acknowledged[rationale] = await RateOnceAsync(client, body, rationale);
        }
    }

    private async Task<long> RateOnceAsync(HttpClient client, object body, string rationale)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"'{rationale}' was not acknowledged; {Figures()}");
            Interlocked.Increment(ref _tried);
            HttpResponseMessage response;
            try
            {
                response = await client.PostWithKeyAsync($"{_assessment.Url}/ratings", body, key);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Count(NoAnswer);
                await Task.Delay(100);
                continue;
            }

            var status = (int)response.StatusCode;
            Count(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var text = await response.Content.ReadAsStringAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return JsonNode.Parse(text)!.Version();
                case HttpStatusCode.ServiceUnavailable:
                    response.Headers.RetryAfter.ShouldNotBeNull("a 503 says when to retry");
                    await Task.Delay(100);
                    break;
                case HttpStatusCode.TooManyRequests:
                    // As a well-behaved client does: wait as long as it is told, then send the same request again.
                    var wait = response.Headers.RetryAfter?.Delta;
                    wait.ShouldNotBeNull("a 429 says when to retry");
                    await Task.Delay(wait.Value);
                    break;
                case HttpStatusCode.Conflict when text.Contains("still running", StringComparison.Ordinal):
                    await Task.Delay(200);
                    break;
                default:
                    throw new ShouldAssertException($"'{rationale}' answered {status}: {text}");
            }
        }
    }

    private void Count(string answer) => _answers.AddOrUpdate(answer, 1, (_, count) => count + 1);

    /// <summary>Every acknowledged rating is in the history exactly once, at the version its answer gave.</summary>
    public static async Task<int> ShouldAllBeInHistoryOnceAsync(HttpClient reader, TestAssessment assessment, IReadOnlyDictionary<string, long> acknowledged)
    {
        var history = (await reader.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        var written = history
            .Where(e => e!["rationale"]?.GetValue<string>() is { } r && r.StartsWith("rater ", StringComparison.Ordinal))
            .GroupBy(e => e!["rationale"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Select(e => e!.Version()).ToList());
        var found = acknowledged.Count(a => written.TryGetValue(a.Key, out var versions) && versions.Count == 1 && versions[0] == a.Value);
        written.Count.ShouldBe(acknowledged.Count, "every rating tried was acknowledged in the end, and nothing else written");
        written.Where(w => w.Value.Count > 1).Select(w => w.Key).ShouldBeEmpty("no rating is written twice");
        acknowledged.Where(a => !written.ContainsKey(a.Key)).Select(a => a.Key).ShouldBeEmpty("no acknowledged rating is lost");
        found.ShouldBe(acknowledged.Count, "each acknowledged rating is at the version its answer gave");
        return found;
    }

    /// <summary>The board served now equals the board replayed from the events at its version.</summary>
    public static async Task ShouldEqualItsReplayAsync(HttpClient reader, TestAssessment assessment)
    {
        var board = await reader.GetJsonAsync(assessment.Url);
        var replayed = await reader.GetJsonAsync($"{assessment.Url}?version={board.Version()}");
        replayed.ToJsonString().ShouldBe(board.ToJsonString());
    }
}
