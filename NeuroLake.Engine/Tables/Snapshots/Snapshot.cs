using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Snapshots;

/// <summary>The state of a table at one version: protocol, metadata, schema, live files and application transactions.</summary>
public sealed class Snapshot
{
    internal Snapshot(
        IObjectStore store,
        long version,
        ProtocolAction protocol,
        MetadataAction metadata,
        IReadOnlyList<AddFile> files,
        IReadOnlyList<RemoveFile> tombstones,
        IReadOnlyDictionary<string, SetTransaction> transactions,
        IReadOnlyDictionary<string, DomainMetadata> domains,
        DateTimeOffset timestamp,
        long? inCommitTimestamp,
        long? checkpointVersion,
        int filesRead)
    {
        Store = store;
        Version = version;
        Protocol = protocol;
        Metadata = metadata;
        Schema = SchemaJson.Parse(metadata.SchemaString);
        Files = files;
        Tombstones = tombstones;
        Transactions = transactions;
        Domains = domains;
        Timestamp = timestamp;
        InCommitTimestamp = inCommitTimestamp;
        CheckpointVersion = checkpointVersion;
        FilesRead = filesRead;
    }

    internal IObjectStore Store { get; }

    public string Location => Store.Location;

    public long Version { get; }

    public ProtocolAction Protocol { get; }

    public MetadataAction Metadata { get; }

    public StructType Schema { get; }

    public IReadOnlyList<string> PartitionColumns => Metadata.PartitionColumns;

    public IReadOnlyDictionary<string, string> Configuration => Metadata.Configuration;

    /// <summary>The live data files (add actions), ordered by path.</summary>
    public IReadOnlyList<AddFile> Files { get; }

    /// <summary>Remove actions still kept as tombstones (for VACUUM).</summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }

    /// <summary>Latest txn action per application id.</summary>
    public IReadOnlyDictionary<string, SetTransaction> Transactions { get; }

    public IReadOnlyDictionary<string, DomainMetadata> Domains { get; }

    /// <summary>The commit time of this version: the in-commit timestamp when enabled, else the commit file's time.</summary>
    public DateTimeOffset Timestamp { get; }

    internal long? InCommitTimestamp { get; }

    /// <summary>The checkpoint this snapshot was loaded from, if any.</summary>
    public long? CheckpointVersion { get; }

    /// <summary>How many log objects were read to build this snapshot (checkpoint parts, commits, the hint).</summary>
    public int FilesRead { get; }

    public long SizeInBytes => Files.Sum(f => f.Size);

    internal bool InCommitTimestampsEnabled => TableProperties.InCommitTimestampsEnabled(Protocol, Metadata);
}
