using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables;

/// <summary>
/// Told about table changes after they are durable (the catalog implements it; Tables knows nothing of the catalog).
/// An observer that throws does not undo the commit: the exception reaches the caller after the commit.
/// </summary>
public interface ITableChangeObserver
{
    Task OnTableCreatedAsync(TableChange change, CancellationToken ct);

    Task OnCommittedAsync(TableChange change, CancellationToken ct);
}

/// <summary>
/// A committed change: where, which version, what operation, and a summary of the resulting snapshot
/// (schema, partitioning, protocol, properties, name and description as the log's metadata holds them), and the
/// writer's user name when the table was opened with one.
/// </summary>
public sealed record TableChange(
    string Location,
    long Version,
    string Operation,
    DateTimeOffset Timestamp,
    string SchemaString,
    IReadOnlyList<string> PartitionColumns,
    long NumFiles,
    long SizeInBytes,
    IReadOnlyDictionary<string, string> OperationMetrics,
    StructType Schema,
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyDictionary<string, string> Properties,
    string? Name,
    string? Description,
    string? UserName = null);
