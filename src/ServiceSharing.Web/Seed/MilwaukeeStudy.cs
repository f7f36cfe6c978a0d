using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Seed;

/// <summary>
/// The Wisconsin Policy Forum study "Partnering Up" (docs/seed/study.txt) as the events that happened.
/// The study gives months, not days: Phase I released in November 2023, the priorities set after the December
/// meeting, Phase II started and then put on hold; the days below are placeholders within those months.
/// It holds no per-factor ratings, so none are invented here.
/// </summary>
public static class MilwaukeeStudy
{
    public static readonly Guid AssessmentId = Guid.Parse("4d2e54ec-0bcf-4ea0-9c1a-2023110100a1");

    public static readonly Actor Facilitator =
        new(Guid.Parse("4d2e54ec-0bcf-4ea0-9c1a-2023110100f0"), "Wisconsin Policy Forum", Org.Wpf, Role.Facilitator);

    public const string Title = "Partnering Up: A Scan of Back Office Service Sharing Possibilities for the City and County of Milwaukee";

    /// <summary>The "Initial Assessment" table: area, overall verdict, next steps.</summary>
    public static readonly IReadOnlyList<(string Area, Verdict Verdict, string? NextSteps)> InitialAssessment =
    [
        ("Audit", Verdict.No, null),
        ("Payroll", Verdict.Yes, "Some level of combination – from software through processes to operations and staff"),
        ("General Accounting", Verdict.No, null),
        ("Fiscal & Budget", Verdict.No, null),
        ("Procurement", Verdict.Yes, "Joint certification, overall targeted business enterprise strategy"),
        ("HR / ER", Verdict.Maybe, "Collaboration on a joint program such as apprenticeship"),
        ("Benefits Administration", Verdict.Yes, "Wellness and wellness clinics"),
        ("IT", Verdict.Maybe, "Help Desk, unified call center, open data"),
        ("Fleet Management", Verdict.Yes, "Space, small engines/mowing, recruitment & retention"),
        ("Facilities Management", Verdict.Yes,
            "Contracts for custodial, security services, training, recruitment of skilled trades, facilities planning")
    ];

    /// <summary>"Priority areas for further analysis": the table's area a priority belongs to, and its own name.</summary>
    public static readonly IReadOnlyList<(string Area, string Focus)> Priorities =
    [
        ("Payroll", "Central Payroll"),
        ("Wellness", "Wellness"),
        ("Procurement", "Procurement"),
        ("Facilities Management", "Facilities Management"),
        ("Fleet Management", "Fleet Operations"),
        ("Mowing", "Mowing")
    ];

    public const string PhaseOne = "phase-1";
    public const string PhaseTwo = "phase-2";

    private static readonly DateTimeOffset Created = new(2023, 11, 1, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset Decided = new(2023, 11, 15, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset Released = new(2023, 11, 30, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset PrioritiesSet = new(2023, 12, 15, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset PhaseTwoStarted = new(2024, 1, 15, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset PhaseTwoPaused = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>The study's events in order, each with the moment it happened.</summary>
    public static IReadOnlyList<(DateTimeOffset At, object Event)> Events()
    {
        var areaIds = new Dictionary<string, Guid>();
        Guid AreaId(string name) => areaIds.TryGetValue(name, out var id) ? id : areaIds[name] = DeterministicAreaId(name);

        var events = new List<(DateTimeOffset, object)>
        {
            (Created, new AssessmentCreated(AssessmentId, Title, AssessmentRubric.Default)),
            (Created, new PhaseStarted(PhaseOne, "Phase I – broad scan of back office services common to both governments", null))
        };
        events.AddRange(InitialAssessment.Select(row => (Created, (object)new FunctionalAreaAdded(AreaId(row.Area), row.Area))));
        events.AddRange(InitialAssessment.Select(row => (Decided, (object)new VerdictRecorded(AreaId(row.Area), row.Verdict, row.NextSteps, null))));
        events.Add((Released, new PhaseCompleted(PhaseOne, "Phase I released in November 2023.")));
        events.Add((Released, new SnapshotTaken(PhaseOne)));

        const string afterMeeting = "Subsequent to a meeting with the Mayor and County Executive in December and further discussions with staff.";
        foreach (var (area, focus) in Priorities)
        {
            if (!areaIds.ContainsKey(area))
            {
                events.Add((PrioritiesSet, new FunctionalAreaAdded(AreaId(area), area)));
            }

            events.Add((PrioritiesSet, new AreaPrioritized(AreaId(area), focus, afterMeeting)));
        }

        events.Add((PhaseTwoStarted, new PhaseStarted(PhaseTwo, "Phase II – deeper dive into mowing and wellness",
            "WPF initiated a deeper analysis of wellness and mowing services.")));
        events.Add((PhaseTwoPaused, new PhasePaused(PhaseTwo,
            "These efforts are temporarily on hold but we hope to re-initiate them later this year.")));
        // The board as Phase II left it, named like phase-1 so replay, diff and the Phases view can refer to it.
        events.Add((PhaseTwoPaused, new SnapshotTaken(PhaseTwo)));
        return events;
    }

    /// <summary>Stable area ids, so links to the seeded board survive a reload of an empty database.</summary>
    private static Guid DeterministicAreaId(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{AssessmentId}:{name}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
