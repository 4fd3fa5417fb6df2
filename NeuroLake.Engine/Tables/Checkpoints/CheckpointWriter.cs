using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Checkpoints;

/// <summary>
/// Writes a classic single-file V1 checkpoint with the column layout Spark writes (protocol, metaData, txn,
/// domainMetadata, add, remove as struct columns; maps as MAP(VARCHAR, VARCHAR); stats as a JSON string;
/// no commitInfo), then updates <c>_last_checkpoint</c>. The actions are staged as NDJSON and DuckDB turns them
/// into Parquet with that exact schema.
/// </summary>
internal static class CheckpointWriter
{
    private const string StringMap = "MAP(VARCHAR, VARCHAR)";

    private static readonly string Columns = string.Join(", ",
        $"txn: 'STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT)'",
        $"\"add\": 'STRUCT(path VARCHAR, partitionValues {StringMap}, size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags {StringMap}, baseRowId BIGINT, defaultRowCommitVersion BIGINT, clusteringProvider VARCHAR)'",
        $"remove: 'STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues {StringMap}, size BIGINT, baseRowId BIGINT, defaultRowCommitVersion BIGINT)'",
        $"metaData: 'STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options {StringMap}), schemaString VARCHAR, partitionColumns VARCHAR[], configuration {StringMap}, createdTime BIGINT)'",
        $"protocol: 'STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])'",
        $"domainMetadata: 'STRUCT(domain VARCHAR, configuration VARCHAR, removed BOOLEAN)'");

    public static async Task WriteAsync(DuckDbDatabase duckDb, IObjectStore store, Snapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        var actions = new List<DeltaAction> { snapshot.Protocol, snapshot.Metadata };
        actions.AddRange(snapshot.Transactions.Values);
        actions.AddRange(snapshot.Domains.Values);
        actions.AddRange(snapshot.Files);

        // Tombstones are kept until they expire (delta.deletedFileRetentionDuration, default one week), then dropped.
        var expiredBefore = (now - TableProperties.DeletedFileRetention(snapshot.Configuration)).ToUnixTimeMilliseconds();
        actions.AddRange(snapshot.Tombstones
            .Where(r => r.DeletionTimestamp is not { } deleted || deleted >= expiredBefore)
            .Select(r => r with { Stats = null, Tags = null }));

        var staged = LocalStaging.NewFile("json");
        var parquet = LocalStaging.NewFile("parquet");
        try
        {
            LocalStaging.Write(staged, ActionWriter.ToCommitFile(actions));
            using (var connection = duckDb.ConnectTracked())
            {
                connection.Execute(
                    $"COPY (SELECT txn, \"add\", remove, metaData, protocol, domainMetadata FROM read_json({Sql.Literal(staged)}, format = 'newline_delimited', columns = {{{Columns}}}, maximum_object_size = 1073741824)) "
                    + $"TO {Sql.Literal(parquet)} (FORMAT parquet, COMPRESSION zstd)");
            }

            var bytes = LocalStaging.ReadAndDelete(parquet);
            await store.PutAsync(LogFileName.CheckpointKey(snapshot.Version), bytes, ct).ConfigureAwait(false);
            var hint = new LastCheckpoint(snapshot.Version, actions.Count, null, bytes.Length, snapshot.Files.Count);
            await store.PutAsync(LastCheckpoint.Key, hint.ToJson(), ct).ConfigureAwait(false);
        }
        finally
        {
            LocalStaging.Delete(staged);
            LocalStaging.Delete(parquet);
        }
    }
}
