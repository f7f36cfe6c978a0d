using System.Net;
using Marten;
using Npgsql;
using ServiceSharing.Web.Persistence.Chain;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Audit;

public sealed class AuditChainTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task every_event_of_the_assessment_its_session_and_calibration_round_is_chained_and_the_head_is_published()
    {
        var study = await StudyRecord.BuildAsync(App);
        var reviewer = await App.SignInAsync("Rita", "city", "reviewer");

        var head = await reviewer.GetJsonAsync($"{study.Assessment.Url}/audit");

        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var streams = new[] { study.Assessment.Id, study.Workshop.SessionId, study.CalibrationId };
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams)).CountAsync();
        var board = await reviewer.GetJsonAsync(study.Assessment.Url);
        head.Version().ShouldBe(events);
        head["assessmentVersion"]!.GetValue<long>().ShouldBe(board.Version());
        head["algorithm"]!.GetValue<string>().ShouldBe("SHA-256");

        var verdict = await ChainRecords.VerifyAsync(session, study.Assessment.Id, CancellationToken.None);
        verdict.IsIntact.ShouldBeTrue(verdict.Reason);
        verdict.Head!.Position.ShouldBe(events);
        verdict.Head.Hash.ShouldBe(head["hash"]!.GetValue<string>());
        verdict.Head.Time.ShouldBe(head.Get<DateTimeOffset>("time"));
    }

    [Fact]
    public async Task an_event_row_edited_in_postgresql_breaks_verification_at_exactly_that_entry()
    {
        var study = await StudyRecord.BuildAsync(App);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var records = await ChainRecords.ReadAsync(session, study.Assessment.Id, CancellationToken.None);
        var rating = records.Where(r => r.Event!.Type == "factor_rated").Skip(2).First();

        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var edit = new NpgsqlCommand(
                $"update {App.Schema}.mt_events set data = jsonb_set(data, '{{Score}}', '4') where id = @id", connection);
            edit.Parameters.AddWithValue("id", rating.Event!.Id);
            (await edit.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var verdict = await ChainRecords.VerifyAsync(session, study.Assessment.Id, CancellationToken.None);
        verdict.IsIntact.ShouldBeFalse();
        verdict.BrokenPosition.ShouldBe(rating.Position);
        verdict.Reason!.ShouldContain(rating.Event.Id.ToString());
    }

    [Fact]
    public async Task the_head_is_for_signed_in_participants_and_names_unknown_assessments()
    {
        var study = await StudyRecord.BuildAsync(App);
        using var anonymous = App.Anonymous();
        (await anonymous.GetAsync($"{study.Assessment.Url}/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var observer = await App.SignInAsync("Olive", "county", "observer");
        (await observer.GetJsonAsync($"{study.Assessment.Url}/audit")).Version().ShouldBeGreaterThan(10);
        await (await observer.GetAsync($"/api/assessments/{Guid.NewGuid()}/audit")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
