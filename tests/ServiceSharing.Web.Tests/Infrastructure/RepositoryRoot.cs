namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from: where infra/ and the app's build output are.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "infra", "pg.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No infra/pg.sh above {AppContext.BaseDirectory}.");
    }
}
