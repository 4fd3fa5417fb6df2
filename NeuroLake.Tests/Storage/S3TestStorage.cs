using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;
using S3Location = NeuroLake.Engine.Storage.S3.S3Location;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Storage;

/// <summary>
/// A private prefix in the S3 test server's bucket (removed at dispose), the options that reach it, and a catalog on
/// <see cref="Provider"/> to coordinate commits, like the app would have.
/// </summary>
public sealed class S3TestStorage : IAsyncDisposable
{
    private readonly CatalogDatabases _databases = new();
    private readonly List<ObjectStoreFactory> _factories = [];
    private ServiceProvider? _catalog;

    public S3TestStorage(CatalogProvider provider = CatalogProvider.Sqlite, int partSizeBytes = 8 * 1024 * 1024)
    {
        Provider = provider;
        Options = new StorageOptions
        {
            S3 = new S3Options
            {
                ServiceUrl = TestEnvironment.S3ServiceUrl.ToString(),
                AccessKey = TestEnvironment.S3AccessKey,
                SecretKey = TestEnvironment.S3SecretKey,
                Bucket = TestEnvironment.S3Bucket,
                ForcePathStyle = true,
                PartSizeBytes = partSizeBytes,
                FirstRetryDelay = TimeSpan.FromMilliseconds(20),
            },
        };
        Client = S3ClientFactory.Create(Options.S3);
        Root = S3Location.Parse($"s3://{TestEnvironment.S3Bucket}/tests/{Guid.NewGuid():N}");
    }

    public CatalogProvider Provider { get; }

    public StorageOptions Options { get; }

    public AmazonS3Client Client { get; }

    /// <summary>This test's prefix; every store it opens lives below it.</summary>
    public S3Location Root { get; }

    /// <summary>The store at <paramref name="relative"/> below <see cref="Root"/> without any commit coordination.</summary>
    public S3ObjectStore RawStore(string relative = "") => new(Client, Root.Child(relative), Options.S3);

    /// <summary>The catalog's commit coordinator (the catalog is created and migrated on first use).</summary>
    public async Task<ICommitCoordinator> CoordinatorAsync()
    {
        _catalog ??= await _databases.CreateMigratedAsync(Provider);
        return _catalog.GetRequiredService<ICommitCoordinator>();
    }

    /// <summary>A factory as the app builds it, with <paramref name="commits"/> and the catalog as coordinator; disposed with this.</summary>
    public async Task<ObjectStoreFactory> FactoryAsync(CommitCoordination commits = CommitCoordination.Auto, ConditionalCreateProbe? probe = null, FileCache? cache = null)
    {
        var options = new StorageOptions { Commits = commits, S3 = Options.S3 };
        var factory = new ObjectStoreFactory(options, await CoordinatorAsync(), probe ?? new ConditionalCreateProbe(), cache);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>The store at <paramref name="relative"/> below <see cref="Root"/> as the app opens it (Auto: probed).</summary>
    public async Task<IObjectStore> OpenAsync(string relative = "", CommitCoordination commits = CommitCoordination.Auto) =>
        await (await FactoryAsync(commits)).OpenAsync(Root.Child(relative).ToString());

    public async ValueTask DisposeAsync()
    {
        var everything = RawStore();
        foreach (var o in await everything.ListAsync(""))
        {
            await everything.DeleteAsync(o.Key);
        }

        Client.Dispose();
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}

/// <summary>A fact that needs both the S3 server and PostgreSQL.</summary>
public sealed class S3AndPostgresFactAttribute : ServerFactAttribute
{
    public S3AndPostgresFactAttribute()
        : base(TestEnvironment.S3Variable, TestEnvironment.S3AccessKeyVariable, TestEnvironment.S3SecretKeyVariable, TestEnvironment.S3BucketVariable, TestEnvironment.PostgresVariable)
    {
    }
}
