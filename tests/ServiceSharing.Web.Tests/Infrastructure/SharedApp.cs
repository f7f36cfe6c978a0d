using ServiceSharing.Web.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(SharedApp))]

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// One running app for the whole assembly: starting Kestrel, Marten and Wolverine once keeps the suite fast.
/// Tests that change data make assessments of their own; the seeded study is only read.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;


    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(TestDatabase.NewSchema("shared"));

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
