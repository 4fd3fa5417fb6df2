using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NeuroLake.Tests.Web;

/// <summary>The real web app in memory, with its data folder in a fresh temp folder deleted afterwards.</summary>
public sealed class WorkbenchAppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public WorkbenchAppFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The app with extra configuration <paramref name="settings"/> (keys like <c>NeuroLake:Catalog:Provider</c>).</summary>
    internal WorkbenchAppFactory(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    /// <summary>The host environment's name; null keeps WebApplicationFactory's Development.</summary>
    internal string? EnvironmentName { get; init; }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "neurolake-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("NeuroLake:DataDirectory", DataDirectory);
        // Not about governance: single-user mode unless a test configures otherwise below.
        builder.UseSetting("NeuroLake:Auth:Mode", "Single");
        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
