using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Transactions;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables;

public sealed partial class DeltaTable
{
    /// <summary>
    /// Creates the table (version 0), optionally filled from a DuckDB query. With <paramref name="ifNotExists"/>,
    /// an existing table is left alone and null is returned; otherwise an existing table is an error.
    /// </summary>
    public async Task<CommitResult?> CreateAsync(TableDefinition definition, string? query = null, bool ifNotExists = false, CancellationToken ct = default)
    {
        if (await ExistsAsync(ct).ConfigureAwait(false))
        {
            return ifNotExists ? null : throw new TableAlreadyExistsException(Location);
        }

        StructType schema;
        if (definition.Schema is { } explicitSchema)
        {
            schema = explicitSchema;
        }
        else if (query is not null)
        {
            using var connection = DuckDb.ConnectTracked();
            schema = QuerySchema.ToDelta(QuerySchema.Describe(connection, query));
        }
        else
        {
            throw new InvalidTableOperationException("CREATE TABLE needs a schema or a query whose columns define it.");
        }

        ValidateNewSchema(schema, definition.PartitionColumns);
        var configuration = new Dictionary<string, string>(definition.Properties, StringComparer.Ordinal);
        if (definition.InCommitTimestamps)
        {
            configuration[TableProperties.EnableInCommitTimestamps] = "true";
        }

        var transaction = StartTransaction(null, query is null ? "CREATE TABLE" : "CREATE TABLE AS SELECT");
        transaction.NewProtocol = ProtocolFor(schema, definition.InCommitTimestamps);
        transaction.NewMetadata = new MetadataAction(
            Guid.NewGuid().ToString(),
            definition.Name,
            definition.Description,
            "parquet",
            new Dictionary<string, string>(),
            SchemaJson.Serialize(schema),
            definition.PartitionColumns.Select(c => schema.Find(c)!.Name).ToList(),
            Options.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            configuration);
        transaction.OperationParameters["isManaged"] = "false";
        transaction.OperationParameters["description"] = definition.Description ?? "";
        transaction.OperationParameters["partitionBy"] = JsonSerializer.Serialize(transaction.NewMetadata.PartitionColumns);
        transaction.OperationParameters["properties"] = JsonSerializer.Serialize(definition.Properties);
        if (query is not null)
        {
            var written = await DataFileWriter.WriteAsync(DuckDb, Store, schema, transaction.NewMetadata.PartitionColumns, query, Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
            transaction.AddRange(written.Files);
            AddWriteMetrics(transaction, written);
        }

        try
        {
            return await CommitAsync(transaction, ct).ConfigureAwait(false);
        }
        catch (TableAlreadyExistsException) when (ifNotExists)
        {
            // Another writer created the table first; its files stand, ours are unreferenced (VACUUM removes them).
            return null;
        }
    }

    /// <summary>Appends a DuckDB query's rows (a blind append: it never conflicts with concurrent appends).</summary>
    public async Task<CommitResult> AppendAsync(string query, CancellationToken ct = default)
    {
        var snapshot = await GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, Location);
        var written = await DataFileWriter.WriteAsync(DuckDb, Store, snapshot.Schema, snapshot.PartitionColumns, query, Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
        var transaction = StartTransaction(snapshot, "WRITE");
        transaction.OperationParameters["mode"] = "Append";
        transaction.OperationParameters["partitionBy"] = JsonSerializer.Serialize(snapshot.PartitionColumns);
        transaction.AddRange(written.Files);
        AddWriteMetrics(transaction, written);
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the table's rows with a query's rows: all of them, or with <paramref name="replaceWhere"/> (a SQL
    /// predicate on partition columns) only the partitions it selects; the query's rows must then satisfy it.
    /// </summary>
    public async Task<CommitResult> OverwriteAsync(string query, string? replaceWhere = null, CancellationToken ct = default)
    {
        var snapshot = await GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, Location);
        if (TableProperties.IsTrue(snapshot.Configuration, TableProperties.AppendOnly))
        {
            throw new InvalidTableOperationException($"'{Location}' is append-only (delta.appendOnly = true): rows cannot be overwritten. Append instead, or unset the property.");
        }

        var transaction = StartTransaction(snapshot, "WRITE");
        transaction.OperationParameters["mode"] = "Overwrite";
        transaction.OperationParameters["partitionBy"] = JsonSerializer.Serialize(snapshot.PartitionColumns);
        IReadOnlyList<AddFile> replaced;
        if (replaceWhere is null)
        {
            replaced = snapshot.Files;
            transaction.ReadSet.ReadWholeTable();
        }
        else
        {
            if (snapshot.PartitionColumns.Count == 0)
            {
                throw new InvalidTableOperationException($"replaceWhere needs a partitioned table; '{Location}' has no partition columns. Overwrite the whole table instead.");
            }

            var filter = new PartitionFilter(DuckDb, snapshot.Schema, snapshot.PartitionColumns, replaceWhere);
            var matching = filter.Matching(snapshot.Files);
            replaced = snapshot.Files.Where(f => matching.Contains(f.Path)).ToList();
            transaction.ReadSet.ReadWhere(filter.Matches, $"replaceWhere {replaceWhere}");
            transaction.OperationParameters["predicate"] = JsonSerializer.Serialize(new[] { replaceWhere });
            await EnsureRowsMatchAsync(query, replaceWhere, ct).ConfigureAwait(false);
        }

        transaction.ReadSet.ReadFiles(replaced);
        var written = await DataFileWriter.WriteAsync(DuckDb, Store, snapshot.Schema, snapshot.PartitionColumns, query, Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
        var now = Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        transaction.AddRange(replaced.Select(f => (DeltaAction)new RemoveFile(f.Path, now, true, true, f.PartitionValues, f.Size)));
        transaction.AddRange(written.Files);
        AddWriteMetrics(transaction, written);
        transaction.OperationMetrics["numRemovedFiles"] = replaced.Count.ToString(CultureInfo.InvariantCulture);
        transaction.OperationMetrics["numRemovedBytes"] = replaced.Sum(f => f.Size).ToString(CultureInfo.InvariantCulture);
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    private Task EnsureRowsMatchAsync(string query, string replaceWhere, CancellationToken ct)
    {
        using var connection = DuckDb.ConnectTracked();
        connection.UseUtc();
        List<byte[]> rows;
        try
        {
            rows = DuckDbRows.QueryJson(connection, $"SELECT count(*) AS n FROM ({query}) AS q WHERE NOT coalesce(({replaceWhere}), false)");
        }
        catch (DuckDb.DuckDbException e)
        {
            throw new InvalidTableOperationException($"The replaceWhere predicate '{replaceWhere}' cannot be checked against the query: {e.Message}", e);
        }

        using var doc = JsonDocument.Parse(rows[0]);
        var outside = doc.RootElement.GetProperty("n").GetInt64();
        if (outside > 0)
        {
            throw new InvalidTableOperationException(
                $"{outside} of the query's rows do not satisfy replaceWhere '{replaceWhere}'. Filter the query with the same predicate, or widen the predicate.");
        }

        return Task.CompletedTask;
    }

    private static void AddWriteMetrics(Transaction transaction, WrittenFiles written)
    {
        transaction.OperationMetrics["numFiles"] = written.Files.Count.ToString(CultureInfo.InvariantCulture);
        transaction.OperationMetrics["numOutputRows"] = written.Rows.ToString(CultureInfo.InvariantCulture);
        transaction.OperationMetrics["numOutputBytes"] = written.Bytes.ToString(CultureInfo.InvariantCulture);
    }

    private static ProtocolAction ProtocolFor(StructType schema, bool inCommitTimestamps)
    {
        var ntz = DuckDbTypes.UsesTimestampNtz(schema);
        if (ntz)
        {
            List<string> writerFeatures = inCommitTimestamps ? ["timestampNtz", "inCommitTimestamp"] : ["timestampNtz"];
            return new ProtocolAction(3, 7, ["timestampNtz"], writerFeatures);
        }

        return inCommitTimestamps ? new ProtocolAction(1, 7, null, ["inCommitTimestamp"]) : new ProtocolAction(1, 2);
    }

    private static void ValidateNewSchema(StructType schema, IReadOnlyList<string> partitionColumns)
    {
        if (schema.Fields.Count == 0)
        {
            throw new InvalidTableOperationException("A table needs at least one column.");
        }

        foreach (var field in schema.Fields)
        {
            if (!Identifier().IsMatch(field.Name))
            {
                throw new InvalidTableOperationException($"The column name '{field.Name}' is not valid: use letters, digits and underscores, starting with a letter or underscore.");
            }
        }

        var duplicate = schema.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidTableOperationException($"The column '{duplicate.Key}' appears more than once (names are case-insensitive).");
        }

        foreach (var column in partitionColumns)
        {
            var field = schema.Find(column) ?? throw new InvalidTableOperationException(
                $"The partition column '{column}' is not a column of the table (columns: {string.Join(", ", schema.Fields.Select(f => f.Name))}).");
            if (field.Type is not (PrimitiveType or DecimalType) || field.Type is PrimitiveType { Name: "binary" })
            {
                throw new InvalidTableOperationException($"The column '{column}' has type {field.Type}, which cannot be a partition column. Partition by a primitive (non-binary) column.");
            }
        }

        if (partitionColumns.Count == schema.Fields.Count)
        {
            throw new InvalidTableOperationException("A table cannot be partitioned by all its columns: at least one data column must remain.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
