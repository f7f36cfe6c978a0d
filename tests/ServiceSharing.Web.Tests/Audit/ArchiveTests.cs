using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Audit;

/// <summary>Archives out of one instance and into another, each on a database (schema) of its own.</summary>
public sealed class ArchiveTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static async Task<string> ExportAsync(HttpClient facilitator, TestAssessment assessment)
    {
        var response = await facilitator.GetAsync($"{assessment.Url}/archive");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ImportAsync(TestApp into, string archive, string adminKey = TestApp.AdminKey)
    {
        using var client = into.Anonymous();
        client.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
        var content = new StringContent(archive, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return await client.PostAsync("/api/archives", content);
    }

    /// <summary>Every read the app answers about an assessment, at the head and at points in its past. (A calibration
    /// round's own view and the drift name raters from the instance's participants, which an archive does not carry.)</summary>
    private static IEnumerable<string> ReadsOf(StudyRecord study, long version)
    {
        var url = study.Assessment.Url;
        return
        [
            url, $"{url}/history", $"{url}/history?since=3", $"{url}/audit", $"{url}/agreement", $"{url}/sensitivity",
            $"{url}/snapshots", $"{url}/sessions", $"/api/sessions/{study.Workshop.SessionId}", $"{url}/calibrations",
            $"{url}/export.csv",
            $"{url}?version=3", $"{url}?version={version - 2}", $"{url}?snapshot=after-workshop", $"{url}/diff?from=2&to={version}",
            $"{url}/agreement?version={version - 1}", $"{url}/export.csv?snapshot=after-workshop"
        ];
    }

    [Fact]
    public async Task an_archive_imported_into_another_instance_answers_every_read_as_the_original_and_a_second_import_changes_nothing()
    {
        var study = await StudyRecord.BuildAsync(App);
        var archive = await ExportAsync(study.Facilitator, study.Assessment);
        var lines = archive.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = await study.Facilitator.GetJsonAsync($"{study.Assessment.Url}/audit");
        lines.Length.ShouldBe((int)head.Version() + 1);

        // The other instance is not empty: it holds the seeded study.
        await using var other = await TestApp.StartAsync();
        var imported = await (await ImportAsync(other, archive)).JsonAsync();
        imported["imported"]!.GetValue<long>().ShouldBe(head.Version());
        imported["hash"]!.GetValue<string>().ShouldBe(head["hash"]!.GetValue<string>());

        var there = await other.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var version = (await study.Facilitator.GetJsonAsync(study.Assessment.Url)).Version();
        foreach (var read in ReadsOf(study, version))
        {
            var original = await (await study.Facilitator.GetAsync(read)).Content.ReadAsStringAsync();
            var copy = await (await there.GetAsync(read)).Content.ReadAsStringAsync();
            copy.ShouldBe(original, read);
        }

        (await ExportAsync(there, study.Assessment)).Split('\n').Skip(1).ShouldBe(archive.Split('\n').Skip(1), "the copy exports the same events");

        var again = await (await ImportAsync(other, archive)).JsonAsync();
        again["alreadyPresent"]!.GetValue<bool>().ShouldBeTrue();
        again["imported"]!.GetValue<long>().ShouldBe(0);
        (await there.GetJsonAsync($"{study.Assessment.Url}/audit")).ToJsonString().ShouldBe(head.ToJsonString());
        (await there.GetJsonAsync($"{study.Assessment.Url}/history")).AsArray().Count
            .ShouldBe((await study.Facilitator.GetJsonAsync($"{study.Assessment.Url}/history")).AsArray().Count);
    }

    [Fact]
    public async Task an_archive_that_lacks_its_last_events_is_completed_by_the_full_one()
    {
        var study = await StudyRecord.BuildAsync(App);
        var early = await ExportAsync(study.Facilitator, study.Assessment);
        await study.Facilitator.PostJsonAsync($"{study.Assessment.Url}/snapshots", new { label = "later" }, HttpStatusCode.Created);
        var full = await ExportAsync(study.Facilitator, study.Assessment);

        await using var other = await TestApp.StartAsync(seed: false);
        (await (await ImportAsync(other, early)).JsonAsync())["imported"]!.GetValue<long>().ShouldBeGreaterThan(10);
        (await (await ImportAsync(other, full)).JsonAsync())["imported"]!.GetValue<long>().ShouldBe(1);
        var there = await other.SignInAsync("Fran", "wpf", "facilitator");
        (await there.GetJsonAsync($"{study.Assessment.Url}/audit")).ToJsonString()
            .ShouldBe((await study.Facilitator.GetJsonAsync($"{study.Assessment.Url}/audit")).ToJsonString());
    }

    public static TheoryData<string, int> Tampering => new()
    {
        { "one byte of an event's data changed", 7 },
        { "one byte of an event's actor changed", 12 },
        { "one byte of an event's version changed", 9 },
        { "a line removed", 5 },
        { "two lines swapped", 6 },
        { "the last line removed", -1 },
        { "one byte of the manifest changed", 1 }
    };

    [Theory, MemberData(nameof(Tampering))]
    public async Task a_tampered_archive_is_refused_naming_the_first_bad_line_and_nothing_is_written(string tampering, int line)
    {
        var study = await StudyRecord.BuildAsync(App);
        var lines = (await ExportAsync(study.Facilitator, study.Assessment)).TrimEnd('\n').Split('\n').ToList();
        var expectedLine = line > 0 ? line : lines.Count;
        switch (tampering)
        {
            case "one byte of an event's data changed":
                lines[line - 1] = ChangeOneByteAfter(lines[line - 1], "\"data\":{");
                break;
            case "one byte of an event's actor changed":
                lines[line - 1] = ChangeOneByteAfter(lines[line - 1], "\"actor\":\"");
                break;
            case "one byte of an event's version changed":
                lines[line - 1] = lines[line - 1].Replace("\"version\":", "\"version\":1");
                break;
            case "a line removed":
                lines.RemoveAt(line - 1);
                break;
            case "two lines swapped":
                (lines[line - 1], lines[line]) = (lines[line], lines[line - 1]);
                break;
            case "the last line removed":
                lines.RemoveAt(lines.Count - 1);
                break;
            case "one byte of the manifest changed":
                lines[0] = ChangeOneByteAfter(lines[0], "\"hash\":\"");
                break;
        }

        await using var other = await TestApp.StartAsync(seed: false);
        var problem = await (await ImportAsync(other, string.Join('\n', lines) + "\n")).ProblemAsync(HttpStatusCode.BadRequest, "line");
        problem["line"]!.GetValue<int>().ShouldBe(expectedLine, problem.ToJsonString());
        problem["errors"]!["line"]![0]!.GetValue<string>().ShouldStartWith($"line {expectedLine}:");

        var there = await other.SignInAsync("Fran", "wpf", "facilitator");
        await (await there.GetAsync($"{study.Assessment.Url}/audit")).ProblemAsync(HttpStatusCode.NotFound);
        (await there.GetJsonAsync("/api/assessments")).AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task only_facilitators_export_and_only_the_admin_key_imports()
    {
        var study = await StudyRecord.BuildAsync(App);
        var reviewer = await App.SignInAsync("Rita", "city", "reviewer");
        await (await reviewer.GetAsync($"{study.Assessment.Url}/archive")).ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = App.Anonymous();
        await (await anonymous.GetAsync($"{study.Assessment.Url}/archive")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await study.Facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/archive")).ProblemAsync(HttpStatusCode.NotFound);

        var archive = await ExportAsync(study.Facilitator, study.Assessment);
        await (await ImportAsync(App, archive, adminKey: "not-the-key")).ProblemAsync(HttpStatusCode.Forbidden);
        // Signed in, but a participant's token is not the admin key: forbidden, as in the role table.
        await (await study.Facilitator.PostAsync("/api/archives", new StringContent(archive))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.PostAsync("/api/archives", new StringContent(archive))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Changes the character just after the marker to another of the same kind (a letter or digit stays one),
    /// so the line still parses: only the hashes can tell.</summary>
    private static string ChangeOneByteAfter(string line, string marker)
    {
        var at = line.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        at.ShouldBeGreaterThanOrEqualTo(marker.Length, $"'{marker}' in {line}");
        while (!char.IsLetterOrDigit(line[at]))
        {
            at++;
        }

        var changed = line[at] switch
        {
            >= '0' and < '9' => (char)(line[at] + 1),
            '9' => '8',
            'z' or 'Z' => (char)(line[at] - 1),
            _ => (char)(line[at] + 1)
        };
        return string.Concat(line.AsSpan(0, at), changed.ToString(), line.AsSpan(at + 1));
    }
}
