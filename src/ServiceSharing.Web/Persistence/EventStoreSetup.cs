using JasperFx.Events.Projections;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Idempotency;
using ServiceSharing.Web.Persistence.Chain;
using ServiceSharing.Web.Projections;
using ServiceSharing.Web.Realtime;
using Weasel.Core;
using Wolverine.Marten;

namespace ServiceSharing.Web.Persistence;

public static class EventStoreSetup
{
    public const string ConnectionName = "Marten";
    public const string DefaultSchema = "servicesharing";

    /// <summary>Versions between two replay checkpoints: replay folds at most this many events after the checkpoint.</summary>
    public const int DefaultCheckpointInterval = 256;

    /// <summary>Boards a node keeps between writes: more than the workshops one node runs at once, few enough that
    /// memory stays small (a board of 30 reviewers holds 1,200 scores).</summary>
    public const int BoardsKeptForWriting = 100;

    /// <summary>Events per page when the daemon rebuilds the history records and the checkpoints (its default is 500):
    /// each page starts by replaying its streams' state from a checkpoint, so larger pages replay less; a rebuild of
    /// 200,000 events took 15.5-17.0 s instead of 19.3-21.3 s (docs/performance.md, change 24). Live commits are inline
    /// and never paged.</summary>
    public const int RebuildPageSize = 2000;

    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName)
                               ?? throw new InvalidOperationException(
                                   "Set ConnectionStrings__Marten, or start the app with infra/run.sh, which starts PostgreSQL for you.");
        var schema = configuration["ServiceSharing:Schema"] ?? DefaultSchema;
        var checkpointInterval = configuration.GetValue("ServiceSharing:CheckpointInterval", DefaultCheckpointInterval);

        services.AddMarten(opts => Configure(opts, connectionString, schema, checkpointInterval))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();

        services.ConfigureMarten((provider, opts) =>
        {
            opts.Listeners.Add(provider.GetRequiredService<CommittedEventsListener>());
            // Set here, Marten's default logger (which writes parameter values) is never installed.
            opts.Logger(new WithheldParameterSqlLogger(provider.GetRequiredService<ILogger<IDocumentStore>>()));
        });
        return services;
    }

    /// <summary>The store as the app has it: schema, metadata, projections, indexes. The benchmark's seeding and
    /// rebuild build their store from this too, so they write and read exactly what the app does.</summary>
    public static void Configure(StoreOptions opts, string connectionString, string schema, int checkpointInterval = DefaultCheckpointInterval)
    {
        opts.Connection(ConnectionDefaults.Apply(connectionString));
        opts.DatabaseSchemaName = schema;
        // An area's ratings stored with each reviewer once (StoredAreaRatings): the board is rewritten on every commit.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json => json.Converters.Add(new StoredAreaRatings()));

        // The audit trail reads who, why and in which conversation from the events' own metadata.
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.TimeProvider = new StoredPrecisionClock(TimeProvider.System);

        // Every event of an assessment, its sessions and calibration rounds is hash-chained in the transaction that
        // appends it (Persistence/Chain/ChainSealer.cs).
        opts.Listeners.Add(new ChainSealer());
        opts.Schema.For<AuditLink>().Duplicate(l => l.AssessmentId).Duplicate(l => l.Position)
            .UniqueIndex(l => l.AssessmentId, l => l.Position);
        opts.Schema.For<AuditHead>();

        // The audit trail filed by cell: the history of one cell or area follows its own entries, not the stream's.
        // Replay starts from the nearest checkpoint instead of the first event (Features/Replay/CheckpointedReplay.cs).
        // Both before the board, as inline projections run in this order: they start from the state before the commit,
        // which is the board the session fetched until the board's projection applies the commit (StateBeforeCommit).
        opts.Projections.Add(new HistoryRecordProjection(), ProjectionLifecycle.Inline, asyncConfiguration: RebuiltInLargePages);
        opts.Projections.Add(new AssessmentCheckpointProjection(checkpointInterval), ProjectionLifecycle.Inline, asyncConfiguration: RebuiltInLargePages);
        opts.Projections.Add<AssessmentProjection>(ProjectionLifecycle.Inline);
        // A board fetched for writing stays in memory after its commit, so the next fetch of it (the group commit's next
        // batch, the next decision) reads only the stream's version under the lock, not the whole document. Marten uses
        // the kept board only when its version is the stream's, and keeps it only after a commit that succeeded.
        opts.Events.CacheAggregatesForWriting<Assessment>(BoardsKeptForWriting);
        // Columns of their own: replay finds the checkpoint by version or by time without reading the state's JSON.
        opts.Schema.For<AssessmentCheckpoint>().Duplicate(c => c.AssessmentId).Duplicate(c => c.Version).Duplicate(c => c.At);
        // The history records' columns and their indexes, one per read (Projections/HistoryRecordStorage.cs).
        opts.Policies.ForAllDocuments(HistoryRecordStorage.Configure);
        opts.Projections.Add<ParticipantProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ReviewSessionProjection>(ProjectionLifecycle.Inline);
        // A rating in a round finds its session by the assessment it belongs to.
        opts.Schema.For<ReviewSession>().Index(session => session.AssessmentId);
        opts.Projections.Add<CalibrationProjection>(ProjectionLifecycle.Inline);
        // Rounds are always looked up by the assessment they calibrate.
        opts.Schema.For<CalibrationRound>().Index(round => round.AssessmentId);
        // Expired keys are found by their time alone.
        opts.Schema.For<IdempotentRequest>().Duplicate(request => request.RecordedAt);

        // Who is connected on which node (Realtime/PresenceLedger.cs): created and migrated with the schema.
        opts.Storage.ExtendedSchemaObjects.Add(PresenceTables.NodeTable(schema));
        opts.Storage.ExtendedSchemaObjects.Add(PresenceTables.ConnectionTable(schema));
    }

    private static void RebuiltInLargePages(AsyncOptions options) => options.BatchSize = RebuildPageSize;
}
