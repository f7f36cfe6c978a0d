using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Admin;

/// <summary>The admin commands as separate processes, on the shared app's database and on one of their own.</summary>
public sealed class AdminCommandLineTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task export_verify_and_import_run_as_processes_and_agree_with_the_published_head()
    {
        var study = await StudyRecord.BuildAsync(App);
        var head = await study.Facilitator.GetJsonAsync($"{study.Assessment.Url}/audit");
        var hash = head["hash"]!.GetValue<string>();
        var here = new AdminCommandLine(App.Schema);
        var file = Path.Combine(Path.GetTempPath(), $"archive-{Guid.NewGuid():N}.jsonl");

        var export = await here.RunAsync("export", study.Assessment.Id.ToString(), file);
        export.ExitCode.ShouldBe(0, export.Error);
        File.ReadAllLines(file).Length.ShouldBe((int)head.Version() + 1);

        var verifyFile = await here.RunAsync("verify", file);
        verifyFile.ExitCode.ShouldBe(0, verifyFile.Error);
        verifyFile.LastLine.ShouldBe($"OK {head.Version()} entries; chain head {head.Version()} {hash} at {head["time"]!.GetValue<DateTimeOffset>().UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}");

        var verifyDatabase = await here.RunAsync("verify", "--database", study.Assessment.Id.ToString());
        verifyDatabase.ExitCode.ShouldBe(0, verifyDatabase.Error);
        verifyDatabase.LastLine.ShouldContain($"chain head {head.Version()} {hash}");

        var elsewhere = new AdminCommandLine(TestDatabase.NewSchema("cli"));
        var import = await elsewhere.RunAsync("import", file);
        import.ExitCode.ShouldBe(0, import.Error);
        import.LastLine.ShouldBe($"Imported {head.Version()} events of assessment {study.Assessment.Id}; chain head {head.Version()} {hash}");
        var again = await elsewhere.RunAsync("import", file);
        again.ExitCode.ShouldBe(0, again.Error);
        again.LastLine.ShouldStartWith("Already present");
        (await elsewhere.RunAsync("verify", "--database", study.Assessment.Id.ToString())).LastLine.ShouldContain(hash);

        var lines = File.ReadAllLines(file);
        lines[4] = lines[4].Replace("\"version\":", "\"version\":9");
        File.WriteAllLines(file, lines);
        var tampered = await here.RunAsync("verify", file);
        tampered.ExitCode.ShouldNotBe(0);
        tampered.Error.ShouldContain("BROKEN at line 5:");
        var refused = await elsewhere.RunAsync("import", file);
        refused.ExitCode.ShouldNotBe(0);
        refused.Error.ShouldContain("REFUSED line 5:");
        File.Delete(file);
    }

    [Fact]
    public async Task verify_database_names_the_entry_whose_row_was_edited_in_postgresql()
    {
        var study = await StudyRecord.BuildAsync(App);
        var here = new AdminCommandLine(App.Schema);
        (await here.RunAsync("verify", "--database", study.Assessment.Id.ToString())).ExitCode.ShouldBe(0);

        long position;
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            // The 9th entry of the chain, whatever stream it is on: its row's data gains a field.
            await using var edit = new NpgsqlCommand(
                $"update {App.Schema}.mt_events e set data = e.data || '{{\"Note\":\"edited\"}}' " +
                $"from {App.Schema}.mt_doc_auditlink l where l.id = e.id and l.assessment_id = @a and l.position = 9 returning l.position",
                connection);
            edit.Parameters.AddWithValue("a", study.Assessment.Id);
            position = (long)(await edit.ExecuteScalarAsync())!;
        }

        var broken = await here.RunAsync("verify", "--database", study.Assessment.Id.ToString());
        broken.ExitCode.ShouldNotBe(0);
        broken.Error.ShouldContain($"BROKEN at entry {position}:");
        position.ShouldBe(9);
    }

    [Fact]
    public async Task invite_prints_a_join_link_that_signs_in_to_the_running_app()
    {
        var invite = await new AdminCommandLine(App.Schema).RunAsync("invite", "Cathy Clerk", "city", "facilitator");
        invite.ExitCode.ShouldBe(0, invite.Error);
        invite.LastLine.ShouldStartWith("http://127.0.0.1:5080/join.html#token=");
        var token = Uri.UnescapeDataString(invite.LastLine[(invite.LastLine.IndexOf("#token=", StringComparison.Ordinal) + 7)..]);

        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetJsonAsync("/api/me");
        me["name"]!.GetValue<string>().ShouldBe("Cathy Clerk");

        var wrong = await new AdminCommandLine(App.Schema).RunAsync("invite", "Nobody", "city", "mayor");
        wrong.ExitCode.ShouldNotBe(0);
        wrong.Error.ShouldContain("role");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
