using System.Reflection;

namespace NeuroLake.E2E;

/// <summary>Paths in the repository, found from where the e2e assembly was built (e2e/bin/&lt;Configuration&gt;/&lt;tfm&gt;/).</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built web app: NeuroLake.Web/bin/&lt;same Configuration&gt;/&lt;same tfm&gt;/NeuroLake.Web.dll.</summary>
    public static string WebAppAssembly
    {
        get
        {
            var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var targetFramework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            return Path.Combine(Root, "NeuroLake.Web", "bin", configuration, targetFramework, "NeuroLake.Web.dll");
        }
    }

    public static string Artifacts { get; } = Path.Combine(Root, "artifacts");

    public static string Screenshots { get; } = Path.Combine(Artifacts, "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NeuroLake.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NeuroLake.sln was not found above {AppContext.BaseDirectory}; run the e2e tests from a checkout of the repository.");
    }
}
