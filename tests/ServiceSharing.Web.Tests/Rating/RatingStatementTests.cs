using System.Text.RegularExpressions;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Rating;

/// <summary>
/// What a rating on the board asks of PostgreSQL, read from the app's own SQL log (statements as Marten sends them).
/// Its history record and its checkpoint start from the board the rating queue fetched under the stream's lock, so a
/// rating never reads the stream's events or a checkpoint back; the chain's head is read once per commit; and the board
/// itself is loaded once, then kept by the writer between commits.
/// </summary>
public sealed partial class RatingStatementTests
{
    [Fact]
    public async Task ratings_on_the_board_read_no_events_and_no_checkpoint_back_even_when_they_write_one()
    {
        var (app, log) = await SqlLog.StartAppAsync();
        await using var running = app;
        var facilitator = await app.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var reviewer = await app.SignInAsync("Cathy City", "city", "reviewer");

        var before = log.Mark;
        // One after another, so each is a commit of its own; they cross two checkpoints of the suite's interval.
        var ratings = 2 * TestApp.CheckpointInterval;
        for (var i = 0; i < ratings; i++)
        {
            await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = i % 5 });
        }

        var sql = log.StatementsSince(before);
        sql.Count(line => line.Contains("mt_quick_append_events")).ShouldBe(ratings, "the control: every rating's append is in the log");
        sql.Count(line => CheckpointWrite().IsMatch(line)).ShouldBe(2, "the control: the ratings wrote two checkpoints");
        sql.ShouldNotContain(line => EventRead().IsMatch(line), "no rating reads events back");
        sql.ShouldNotContain(line => CheckpointRead().IsMatch(line), "no rating reads a checkpoint back");
        sql.Count(line => HeadRead().IsMatch(line)).ShouldBe(ratings, "one read of the chain's head per commit");
        sql.Count(line => BoardRead().IsMatch(line)).ShouldBe(1, "the first rating loads the board; the writer keeps it for the next");
    }

    [GeneratedRegex(@"\bfrom\s+\S+\.mt_events\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventRead();

    [GeneratedRegex(@"\bfrom\s+\S+\.mt_doc_assessmentcheckpoint\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckpointRead();

    [GeneratedRegex(@"\binto\s+\S+\.mt_doc_assessmentcheckpoint\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckpointWrite();

    [GeneratedRegex(@"\bfrom\s+\S+\.mt_doc_assessment\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoardRead();

    [GeneratedRegex(@"\bfrom\s+\S+\.mt_doc_audithead\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadRead();
}
