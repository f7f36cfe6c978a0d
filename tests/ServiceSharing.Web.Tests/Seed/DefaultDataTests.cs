using System.Text.Json.Nodes;
using ServiceSharing.Web.Seed;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Seed;

public sealed class DefaultDataTests(SharedApp shared)
{
    private static readonly string StudyUrl = $"/api/assessments/{MilwaukeeStudy.AssessmentId}";

    /// <summary>The "Initial Assessment" table as the study's own text has it (docs/seed/study.txt).</summary>
    private static IReadOnlyList<(string Area, string Verdict, string? NextSteps)> SeedTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "seed", "study.txt"));
        var start = Array.FindIndex(lines, l => l.Trim() == "# INITIAL ASSESSMENT");
        return lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("# ", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Where(cells => cells.Length >= 7 && int.TryParse(cells[0], out _))
            .Select(cells => (cells[1].Trim(), cells[6].Trim(), cells.Length > 7 && cells[7].Trim().Length > 0 ? cells[7].Trim() : null))
            .ToList();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceSharing.EventSourced.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from within the repository.");
    }

    [Fact]
    public async Task the_phase_1_snapshot_reproduces_the_seeds_initial_assessment_table()
    {
        var observer = await shared.App.SignInAsync("Olive Observer", "wpf", "observer");
        var board = await observer.GetJsonAsync($"{StudyUrl}?snapshot=phase-1");

        var table = SeedTable();
        table.Count.ShouldBe(10);
        var areas = board["areas"]!.AsArray();
        areas.Select(a => (a!["name"]!.GetValue<string>(), a["verdict"]!.GetValue<string>(), a["nextSteps"]?.GetValue<string>()))
            .ShouldBe(table);
        areas.ShouldAllBe(a => a!["priority"]!.GetValue<bool>() == false);
        foreach (var cell in areas.SelectMany(a => a!["ratings"]!.AsObject().Select(r => r.Value)))
        {
            // The study publishes no per-factor ratings; none are invented.
            cell!["city"].ShouldBeNull();
            cell["county"].ShouldBeNull();
            cell["joint"].ShouldBeNull();
        }

        board["factors"]!.AsArray().Select(f => f!["key"]!.GetValue<string>())
            .ShouldBe(["similarity", "efficiencies", "challenges", "centralization"]);
        board["currentPhase"]!.GetValue<string>().ShouldBe("phase-1");
    }

    [Fact]
    public async Task the_current_board_has_the_december_priorities_and_phase_2_on_hold()
    {
        var observer = await shared.App.SignInAsync("Olive Observer", "wpf", "observer");
        var board = await observer.GetJsonAsync(StudyUrl);

        board["status"]!.GetValue<string>().ShouldBe("on-hold");
        board["currentPhase"]!.GetValue<string>().ShouldBe("phase-2");
        var priorities = board["areas"]!.AsArray()
            .Where(a => a!["priority"]!.GetValue<bool>())
            .Select(a => a!["priorityFocus"]!.GetValue<string>());
        priorities.ShouldBe(["Central Payroll", "Procurement", "Fleet Operations", "Facilities Management", "Wellness", "Mowing"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_events_are_dated_as_the_study_dates_them()
    {
        var observer = await shared.App.SignInAsync("Olive Observer", "wpf", "observer");
        var history = (await observer.GetJsonAsync($"{StudyUrl}/history")).AsArray();

        var snapshot = history.First(e => e!["type"]!.GetValue<string>() == "SnapshotTaken")!;
        var releasedAt = snapshot.Get<DateTimeOffset>("at");
        (releasedAt.Year, releasedAt.Month).ShouldBe((2023, 11));
        history.Single(e => e!["type"]!.GetValue<string>() == "PhasePaused")!.Get<DateTimeOffset>("at").Year.ShouldBe(2024);
        history.ShouldAllBe(e => e!["actor"]!["name"]!.GetValue<string>() == "Wisconsin Policy Forum");

        var asOfDecember = await observer.GetJsonAsync($"{StudyUrl}?asOf={Uri.EscapeDataString("2023-12-01T00:00:00Z")}");
        asOfDecember["currentPhase"]!.GetValue<string>().ShouldBe("phase-1");
        asOfDecember["areas"]!.AsArray().Count.ShouldBe(10);
    }

    [Fact]
    public async Task a_restart_on_the_same_database_loads_nothing_twice()
    {
        var schema = TestDatabase.NewSchema("restart");
        long versionAfterFirstStart;
        await using (var first = await TestApp.StartAsync(schema))
        {
            var reader = await first.SignInAsync("Reader", "wpf", "observer");
            versionAfterFirstStart = (await reader.GetJsonAsync(StudyUrl)).Version();
        }

        await using var second = await TestApp.StartAsync(schema);
        var again = await second.SignInAsync("Reader", "wpf", "observer");
        (await again.GetJsonAsync(StudyUrl)).Version().ShouldBe(versionAfterFirstStart);
        var assessments = (await again.GetJsonAsync("/api/assessments")).AsArray();
        assessments.Count(a => a!["id"]!.GetValue<string>() == MilwaukeeStudy.AssessmentId.ToString()).ShouldBe(1);
        (await again.GetJsonAsync($"{StudyUrl}/history")).AsArray().Count.ShouldBe((int)versionAfterFirstStart);
    }

    [Fact]
    public async Task the_phase_2_snapshot_is_the_board_when_phase_2_was_put_on_hold()
    {
        var observer = await shared.App.SignInAsync("Olive Observer", "wpf", "observer");
        var history = (await observer.GetJsonAsync($"{StudyUrl}/history")).AsArray();
        var paused = history.Single(e => e!["type"]!.GetValue<string>() == "PhasePaused")!;

        var board = await observer.GetJsonAsync($"{StudyUrl}?snapshot=phase-2");

        board.Version().ShouldBe(paused.Version() + 1, "the snapshot follows the pause");
        board["status"]!.GetValue<string>().ShouldBe("on-hold");
        board["currentPhase"]!.GetValue<string>().ShouldBe("phase-2");
        board["areas"]!.AsArray().Where(a => a!["priority"]!.GetValue<bool>()).Select(a => a!["priorityFocus"]!.GetValue<string>())
            .ShouldBe(["Central Payroll", "Procurement", "Fleet Operations", "Facilities Management", "Wellness", "Mowing"], ignoreOrder: true);
        var snapshots = (await observer.GetJsonAsync($"{StudyUrl}/snapshots")).AsArray();
        snapshots.Select(s => s!["label"]!.GetValue<string>()).ShouldBe(["phase-1", "phase-2"]);
    }

    [Fact]
    public async Task the_phases_read_dates_each_phase_with_its_status_and_snapshot()
    {
        var observer = await shared.App.SignInAsync("Olive Observer", "wpf", "observer");

        var phases = (await observer.GetJsonAsync($"{StudyUrl}/phases")).AsArray();

        phases.Select(p => (p!["phase"]!.GetValue<string>(), p["status"]!.GetValue<string>(), p["snapshot"]!["label"]!.GetValue<string>()))
            .ShouldBe([("phase-1", "completed", "phase-1"), ("phase-2", "on-hold", "phase-2")]);
        var first = phases[0]!;
        (first.Get<DateTimeOffset>("startedAt").Year, first.Get<DateTimeOffset>("startedAt").Month).ShouldBe((2023, 11));
        first.Get<DateTimeOffset>("endedAt").Month.ShouldBe(11);
        var second = phases[1]!;
        second.Get<DateTimeOffset>("startedAt").Year.ShouldBe(2024);
        second.Get<DateTimeOffset>("endedAt").ShouldBe(second["steps"]!.AsArray().Last()!.Get<DateTimeOffset>("at"));
        second["steps"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).ShouldBe(["active", "on-hold"]);

        await (await observer.GetAsync($"/api/assessments/{Guid.NewGuid()}/phases")).ProblemAsync(System.Net.HttpStatusCode.NotFound);
    }
}
