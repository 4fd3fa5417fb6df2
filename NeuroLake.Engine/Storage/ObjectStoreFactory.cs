using Amazon.S3;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Storage;

/// <summary>
/// Opens the <see cref="IObjectStore"/> of a table location: a local folder, or <c>s3://bucket/prefix</c> on the endpoint
/// of <see cref="StorageOptions.S3"/>. S3 stores get exclusive commits as <see cref="StorageOptions.Commits"/> says: the
/// store's own conditional create, or the <see cref="ICommitCoordinator"/> in front of it. With <see cref="TablePlacements"/>
/// (a catalog is registered), every store is a <see cref="TieredObjectStore"/>, so files the tiering job moved stay readable.
/// </summary>
public sealed class ObjectStoreFactory : IDisposable
{
    private readonly StorageOptions _options;
    private readonly ICommitCoordinator? _coordinator;
    private readonly ConditionalCreateProbe _probe;
    private readonly Lazy<AmazonS3Client> _client;

    public ObjectStoreFactory(
        StorageOptions options, ICommitCoordinator? coordinator, ConditionalCreateProbe probe, FileCache? cache = null, TablePlacements? placements = null)
    {
        _options = options;
        Cache = cache;
        _coordinator = coordinator;
        _probe = probe;
        _client = new Lazy<AmazonS3Client>(() => S3ClientFactory.Create(options.S3));
        Placements = placements;
        Tiers = new TierStores(options.Tiers, options.S3, () => _client.Value);
    }

    /// <summary>Placed files per table (null: no catalog, so no file can have moved).</summary>
    public TablePlacements? Placements { get; }

    /// <summary>The warm and cold tiers' stores.</summary>
    public TierStores Tiers { get; }

    /// <summary>The local file cache S3 stores opened here are read through (null: remote tables cannot be read by DuckDB).</summary>
    public FileCache? Cache { get; }

    /// <summary>Names the endpoint in probe answers and messages: the service URL, or AWS and the region.</summary>
    public string Endpoint => string.IsNullOrWhiteSpace(_options.S3.ServiceUrl) ? $"aws:{_options.S3.Region}" : _options.S3.ServiceUrl.TrimEnd('/');

    /// <summary>Opens the store at <paramref name="location"/> (an absolute folder, or <c>s3://bucket/prefix</c>).</summary>
    public async Task<IObjectStore> OpenAsync(string location, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var store = await OpenOwnAsync(location, ct).ConfigureAwait(false);
        return Placements is null ? store : new TieredObjectStore(store, await Placements.OfAsync(store.Location, ct).ConfigureAwait(false), Placements, Tiers, Cache);
    }

    /// <summary>The store at <paramref name="location"/> alone, without placed files (the tiering executor's side of a move).</summary>
    private async Task<IObjectStore> OpenOwnAsync(string location, CancellationToken ct)
    {
        if (!S3Location.IsS3(location))
        {
            return new LocalObjectStore(location);
        }

        var store = new S3ObjectStore(_client.Value, S3Location.Parse(location), _options.S3) { Cache = Cache };
        return _options.Commits switch
        {
            CommitCoordination.ConditionalCreate => store,
            CommitCoordination.Coordinator => Coordinated(store),
            _ => await _probe.HonoursConditionalCreateAsync(Endpoint, store, ct).ConfigureAwait(false) ? store : Coordinated(store),
        };
    }

    private CoordinatedObjectStore Coordinated(S3ObjectStore store) =>
        new(store, _coordinator ?? throw new S3ConfigurationException(
            $"Commits to {store.Location} need the catalog as commit coordinator ({Endpoint} does not honour conditional create, or NeuroLake:Storage:Commits is Coordinator), but no catalog is configured."));

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
