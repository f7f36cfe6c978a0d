using System.Diagnostics;
using Marten;
using Npgsql;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Bench.Seeding;

/// <summary>An assessment with a long history written by the seeder: where its ratings start and its snapshots sit.</summary>
public sealed record SeededHistory(Guid Id, int Ratings, long FirstRatingVersion, long LastVersion, IReadOnlyList<Guid> Areas,
    IReadOnlyDictionary<string, long> Snapshots, DateTimeOffset Start, TimeSpan Spacing);

/// <summary>
/// Writes long histories fast and for real: the app's own event types through the app's own store configuration (inline
/// projections included), many events per commit, each commit stamped with its actor as the app stamps a request.
/// Timestamps advance by a fixed spacing from a fixed start, so "asOf" points are known without asking.
/// </summary>
public sealed class HistorySeeder(IDocumentStore store, string connectionString, int batch)
{
    public const int Areas = 10;
    private static readonly Factor[] AllFactors = Enum.GetValues<Factor>();
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    private readonly Actor[] _reviewers =
    [
        .. Enumerable.Range(1, 4).Select(i => new Actor(Guid.NewGuid(), $"City reviewer {i}", Org.City, Role.Reviewer)),
        .. Enumerable.Range(1, 4).Select(i => new Actor(Guid.NewGuid(), $"County reviewer {i}", Org.County, Role.Reviewer))
    ];

    private readonly Actor _facilitator = new(Guid.NewGuid(), "Bench facilitator", Org.Wpf, Role.Facilitator);

    /// <summary>An assessment of <paramref name="areas"/> areas and <paramref name="ratings"/> FactorRated events,
    /// with a SnapshotTaken after the given rating counts.</summary>
    public async Task<SeededHistory> SeedAsync(string title, int ratings, IReadOnlyDictionary<string, int> snapshotsAfterRating, int seed)
    {
        var random = new Random(seed);
        var id = Guid.NewGuid();
        var start = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(seed);
        var areaIds = Enumerable.Range(0, Areas).Select(_ => Guid.NewGuid()).ToList();
        object[] opening =
        [
            new AssessmentCreated(id, title, AssessmentRubric.Default),
            .. areaIds.Select((area, i) => new FunctionalAreaAdded(area, $"Area {i + 1}"))
        ];

        long version = 0;
        await using (var session = store.LightweightSession())
        {
            session.Stamp(_facilitator);
            var stream = session.Events.StartStream<Assessment>(id, opening);
            foreach (var e in stream.Events)
            {
                e.Timestamp = start + Spacing * ++version;
            }

            await session.SaveChangesAsync();
        }

        var firstRating = version + 1;
        var snapshots = new Dictionary<string, long>();
        var pendingSnapshots = snapshotsAfterRating.OrderBy(s => s.Value).ToList();
        var written = 0;
        var commit = 0;
        while (written < ratings)
        {
            var actor = _reviewers[commit++ % _reviewers.Length];
            var events = new List<object>();
            var count = Math.Min(batch, ratings - written);
            for (var i = 0; i < count; i++)
            {
                events.Add(new FactorRated(areaIds[random.Next(Areas)], AllFactors[random.Next(AllFactors.Length)], random.Next(0, 5),
                    random.Next(4) == 0 ? "Seen in the workshop" : null, actor.Id, actor.Org));
                written++;
                while (pendingSnapshots.Count > 0 && pendingSnapshots[0].Value == written)
                {
                    events.Add(new SnapshotTaken(pendingSnapshots[0].Key));
                    snapshots[pendingSnapshots[0].Key] = version + events.Count;
                    pendingSnapshots.RemoveAt(0);
                }
            }

            await using var session = store.LightweightSession();
            session.Stamp(actor);
            session.CorrelationId = $"bench-seed:{id}:{commit}";
            var appended = session.Events.Append(id, version + events.Count, events.ToArray());
            foreach (var e in appended.Events)
            {
                e.Timestamp = start + Spacing * ++version;
            }

            await session.SaveChangesAsync();
        }

        return new SeededHistory(id, ratings, firstRating, version, areaIds, snapshots, start, Spacing);
    }

    /// <summary>
    /// Brings the tables the seeding wrote to where autovacuum brings a table after a bulk write (PostgreSQL 13 on
    /// vacuums after inserts too): pages marked all-visible, hint bits set, statistics current. Done at once here
    /// because a service that has kept a study for years has long had it done, and its next round may come a minute later.
    /// </summary>
    public async Task SettleAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("vacuum (analyze)", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
        Console.WriteLine($"  vacuum (analyze) after seeding, as autovacuum would: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }
}
