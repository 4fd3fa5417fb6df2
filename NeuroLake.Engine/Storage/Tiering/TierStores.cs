using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// The warm and cold tiers' stores on the configured S3 endpoint: where a table file goes when it moves (each table has
/// a folder of its own in each tier, named by a hash of its location, so a tier's objects of one table are listed and
/// cleaned together), and the store an object URI is read from, whatever tier settings are in force now (a placement
/// outlives a change of settings).
/// </summary>
public sealed class TierStores(TiersOptions options, S3Options s3, Func<IAmazonS3> client)
{
    private readonly ConcurrentDictionary<string, S3ObjectStore> _buckets = new(StringComparer.Ordinal);

    public TiersOptions Options { get; } = options;

    /// <summary>The tiers files can move to: hot always; warm and cold when configured.</summary>
    public IReadOnlyList<StorageTier> Available =>
        [StorageTier.Hot, .. Configured(StorageTier.Warm) ? [StorageTier.Warm] : Array.Empty<StorageTier>(), .. Configured(StorageTier.Cold) ? [StorageTier.Cold] : Array.Empty<StorageTier>()];

    public bool Configured(StorageTier tier) => tier == StorageTier.Hot || !string.IsNullOrWhiteSpace(Settings(tier)?.Location);

    /// <summary>The settings of a remote tier (null for hot).</summary>
    public TierOptions? Settings(StorageTier tier) => tier switch
    {
        StorageTier.Warm => Options.Warm,
        StorageTier.Cold => Options.Cold,
        _ => null,
    };

    /// <summary>The folder of the table at <paramref name="tableLocation"/> in <paramref name="tier"/>, uploading with the tier's storage class.</summary>
    public S3ObjectStore TableFolder(StorageTier tier, string tableLocation)
    {
        var settings = Settings(tier) is { Location: { Length: > 0 } location } s ? s : throw new S3ConfigurationException(
            $"The {tier.ToString().ToLowerInvariant()} tier is not configured: set NeuroLake:Storage:Tiers:{tier}:Location to an s3://bucket/prefix on the NeuroLake:Storage:S3 endpoint.");
        var folder = S3Location.Parse(location).Child(FolderOf(tableLocation));
        return new S3ObjectStore(client(), folder, s3) { StorageClass = settings.StorageClass };
    }

    /// <summary>The store holding <paramref name="objectUri"/> (rooted at its bucket) and the object's key in it.</summary>
    public (S3ObjectStore Store, string Key) Resolve(string objectUri)
    {
        var location = S3Location.Parse(objectUri);
        var store = _buckets.GetOrAdd(location.Bucket, b => new S3ObjectStore(client(), S3Location.Parse("s3://" + b), s3));
        return (store, location.Prefix);
    }

    /// <summary>A table's folder name in a tier: stable for its location, free of characters S3 keys should avoid.</summary>
    public static string FolderOf(string tableLocation) =>
        "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tableLocation.TrimEnd('/', Path.DirectorySeparatorChar))))[..24];
}
