namespace RideHailer.Tests.Support.Infra;

/// <summary>The checkout the tests were built from: the first directory above the test binaries holding RideHailer.sln.</summary>
internal static class RepositoryDirectory
{
    private static readonly Lazy<string> Root = new(Find);

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RideHailer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No RideHailer.sln above {AppContext.BaseDirectory}.");
    }
}
