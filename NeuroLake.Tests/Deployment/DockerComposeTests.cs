using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace NeuroLake.Tests.Deployment;

/// <summary>
/// docker-compose.yml is the server deployment (issue 18): PostgreSQL for the catalog and Hangfire, MinIO for the
/// warehouse and backups, NeuroLake between them. No Docker engine runs here, so the file is checked the way the app
/// will read it: every NeuroLake setting it sets exists, and they point at the services and the bucket it creates.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly Lazy<YamlMappingNode> Services = new(() =>
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    });

    [Fact]
    public void Every_NeuroLake_setting_the_file_sets_is_one_the_app_reads()
    {
        var unknown = Environment().Keys
            .Where(k => k.StartsWith("NeuroLake__", StringComparison.Ordinal))
            .Where(k => !IsOption(typeof(NeuroLakeOptions), k.Split("__").Skip(1).ToArray()))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_app_keeps_its_catalog_on_the_compose_PostgreSQL_and_its_tables_and_backups_in_the_bucket_MinIO_init_creates()
    {
        var environment = Environment();
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();
        var neuroLake = options.GetSection(NeuroLakeOptions.SectionName).Get<NeuroLakeOptions>()!;
        var bucket = CreatedBucket().Match(Text("minio-init", "entrypoint")).Groups["bucket"].Value;

        Assert.Equal(CatalogProvider.Postgres, neuroLake.Catalog.Provider);
        Assert.Contains("Host=postgres;", options.GetConnectionString("Catalog"), StringComparison.Ordinal);
        Assert.Equal("http://minio:9000", neuroLake.Storage.S3.ServiceUrl);
        Assert.True(neuroLake.Storage.S3.ForcePathStyle, "MinIO needs path-style addressing");
        Assert.Equal(bucket, neuroLake.Storage.S3.Bucket);
        Assert.StartsWith($"s3://{bucket}/", neuroLake.Backup.Target, StringComparison.Ordinal);
        Assert.Equal($"s3://{bucket}/warehouse", neuroLake.Warehouse);
        Assert.False(neuroLake.Backup.Target.StartsWith(neuroLake.Warehouse + "/", StringComparison.Ordinal), "Backups inside the warehouse would be backed up themselves");
        Assert.Equal(Text("minio", "environment", "MINIO_ROOT_USER"), environment["NeuroLake__Storage__S3__AccessKey"]);
        Assert.Equal(Text("minio", "environment", "MINIO_ROOT_PASSWORD"), environment["NeuroLake__Storage__S3__SecretKey"]);
    }

    [Fact]
    public void The_app_starts_only_after_PostgreSQL_is_healthy_and_the_bucket_exists()
    {
        var dependsOn = (YamlMappingNode)((YamlMappingNode)Services.Value["neurolake"])["depends_on"];

        Assert.Equal("service_healthy", Text(dependsOn, "postgres", "condition"));
        Assert.Equal("service_completed_successfully", Text(dependsOn, "minio-init", "condition"));
    }

    [DockerFact]
    public async Task Docker_compose_accepts_the_file()
    {
        var start = new ProcessStartInfo(DockerFactAttribute.DockerBinary!, "compose -f docker-compose.yml config --quiet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardError = true,
        };
        using var docker = Process.Start(start)!;
        var error = await docker.StandardError.ReadToEndAsync();
        await docker.WaitForExitAsync();

        Assert.True(docker.ExitCode == 0, error);
    }

    /// <summary>The neurolake service's environment with <c>${VAR:-default}</c> read as its default, as compose does without a .env file.</summary>
    private static Dictionary<string, string> Environment() =>
        ((YamlMappingNode)((YamlMappingNode)Services.Value["neurolake"])["environment"]).Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => Default().Replace(((YamlScalarNode)e.Value).Value ?? "", m => m.Groups["default"].Value),
            StringComparer.Ordinal);

    /// <summary>True when the path of property names (list indexes allowed) leads to a settable option.</summary>
    private static bool IsOption(Type type, string[] path)
    {
        if (path.Length == 0)
        {
            return true;
        }

        if (int.TryParse(path[0], out _) && type.IsGenericType)
        {
            return IsOption(type.GetGenericArguments()[^1], path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && IsOption(property.PropertyType, path[1..]);
    }

    private static string Text(string service, params string[] path) => Text((YamlMappingNode)Services.Value[service], path);

    private static string Text(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return current is YamlSequenceNode sequence
            ? string.Join(" ", sequence.Children.Select(c => ((YamlScalarNode)c).Value))
            : Default().Replace(((YamlScalarNode)current).Value ?? "", m => m.Groups["default"].Value);
    }

    [GeneratedRegex(@"\$\{\w+:-(?<default>[^}]*)\}")]
    private static partial Regex Default();

    [GeneratedRegex(@"mc mb --ignore-existing warehouse/(?<bucket>[a-z0-9.-]+)")]
    private static partial Regex CreatedBucket();
}
