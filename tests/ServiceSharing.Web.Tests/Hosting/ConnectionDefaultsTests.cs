using Marten;
using Npgsql;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

/// <summary>The app's connections wait at most a few seconds for PostgreSQL, keep their hot statements prepared, and
/// compress large documents with lz4.</summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void a_bare_connection_string_gets_the_defaults()
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=127.0.0.1;Database=db"));

        applied.Timeout.ShouldBe(ConnectionDefaults.ConnectTimeoutSeconds);
        applied.MaxAutoPrepare.ShouldBe(ConnectionDefaults.MaxAutoPrepare);
        applied.AutoPrepareMinUsages.ShouldBe(ConnectionDefaults.AutoPrepareMinUsages);
        applied.Host.ShouldBe("127.0.0.1");
        applied.Options.ShouldBe(ConnectionDefaults.ToastCompression);
    }

    [Fact]
    public void server_settings_the_string_gives_are_kept_beside_the_compression()
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=h;Options=-c statement_timeout=5000"));

        applied.Options.ShouldBe($"-c statement_timeout=5000 {ConnectionDefaults.ToastCompression}");
    }

    [Fact]
    public void a_compression_the_string_gives_wins()
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=h;Options=-c default_toast_compression=pglz"));

        applied.Options.ShouldBe("-c default_toast_compression=pglz");
    }

    [Theory]
    [InlineData("Host=h;Timeout=30;Max Auto Prepare=0;Auto Prepare Min Usages=9")]
    [InlineData("Host=h;timeout=30;MaxAutoPrepare=0;autoprepareminusages=9")]
    public void values_the_connection_string_gives_win(string given)
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(given));

        applied.Timeout.ShouldBe(30);
        applied.MaxAutoPrepare.ShouldBe(0);
        applied.AutoPrepareMinUsages.ShouldBe(9);
    }

    [Fact]
    public async Task a_board_too_large_for_its_row_is_stored_compressed_with_lz4()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = await TestApp.StartAsync(seed: true);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();

        // The seeded study's board is well over the 2 KB past which PostgreSQL compresses a value.
        var compressions = await session.QueryAsync<string>(
            $"select coalesce(pg_column_compression(data), 'none') from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_assessment where pg_column_size(data) > 2000",
            token);

        compressions.ShouldNotBeEmpty();
        compressions.ShouldAllBe(compression => compression == "lz4");
    }

    [Fact]
    public async Task the_stores_statements_are_prepared_once_used_twice()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = await TestApp.StartAsync(seed: false);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        // One transaction, so every statement below runs on the same connection, whose prepared statements are its own.
        await session.BeginTransactionAsync(token);
        for (var i = 0; i < ConnectionDefaults.AutoPrepareMinUsages; i++)
        {
            await session.LoadAsync<Assessment>(Guid.NewGuid(), token);
        }

        await using var prepared = new NpgsqlCommand(
            "select count(*) from pg_prepared_statements where statement like '%mt_doc_assessment%'", session.Connection);
        ((long)(await prepared.ExecuteScalarAsync(token))!).ShouldBe(1);
    }
}
