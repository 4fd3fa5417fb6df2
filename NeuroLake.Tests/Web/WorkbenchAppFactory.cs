using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NeuroLake.Tests.Web;

/// <summary>
/// The real web app in memory, with its data folder in a fresh temp folder deleted afterwards. Single mode (no sign-in)
/// unless the settings say otherwise: governance tests use <see cref="Identity.AccountsApp"/>.
/// </summary>
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
        // The query service may still be removing its scratch folder while we delete: a folder vanishing (or a file
        // appearing) under the recursive delete is that race, so try again a few times.
        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100);
            }
        }
    }
}
