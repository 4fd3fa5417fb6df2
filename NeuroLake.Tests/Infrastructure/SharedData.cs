namespace NeuroLake.Tests.Infrastructure;

/// <summary>
/// Finds the shared test data: walks up from the test assembly's folder until some ancestor has a
/// <c>shared/data</c> folder beside it or inside it (a worktree beside <c>shared/</c>, or CI's clone beside it).
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Folder => Root.Value;

    public static string Golden(string group, string table) => Path.Combine(Folder, "delta", "golden", group, table);

    /// <summary>A file of <c>shared/data/messy</c>, real-world files with the traps its README lists.</summary>
    public static string Messy(string file) => Path.Combine(Folder, "messy", file);

    public static IEnumerable<string> GoldenTables(string group) =>
        Directory.EnumerateDirectories(Path.Combine(Folder, "delta", "golden", group)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                if (Directory.Exists(Path.Combine(candidate, "delta")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/data folder beside any ancestor of {AppContext.BaseDirectory}; the shared test data (Delta golden tables, messy files) lives there.");
    }
}
