namespace NeuroLake.Tests.Infrastructure;

/// <summary>The clone the tests were built from: the nearest folder above the test binaries that holds NeuroLake.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "NeuroLake.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NeuroLake.sln was not found above the test binaries: run the tests from a clone.");
    });

    public static string Path => Found.Value;
}
