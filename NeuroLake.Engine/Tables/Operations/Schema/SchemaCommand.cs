using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Transactions;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations.Schema;

/// <summary>
/// Schema evolution without column mapping: add columns, widen types, column comments and semantic types, table
/// properties, appends that merge the query's schema, overwrites that replace it. Dropping, renaming and narrowing
/// are refused: without column mapping, Parquet files address columns by name and type.
/// </summary>
internal sealed partial class SchemaCommand(DeltaTable table)
{
    public const string CommentKey = "comment";

    public async Task<OperationResult> AddColumnsAsync(IReadOnlyList<StructField> columns, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        if (columns.Count == 0)
        {
            throw new InvalidTableOperationException("ADD COLUMNS needs at least one column.");
        }

        var fields = snapshot.Schema.Fields.ToList();
        foreach (var column in columns)
        {
            if (!Identifier().IsMatch(column.Name))
            {
                throw new InvalidTableOperationException($"The column name '{column.Name}' is not valid: use letters, digits and underscores, starting with a letter or underscore.");
            }

            if (fields.Any(f => string.Equals(f.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidTableOperationException($"The table already has a column '{column.Name}' (names are case-insensitive). Choose another name.");
            }

            if (!column.Nullable)
            {
                throw new InvalidTableOperationException($"The column '{column.Name}' cannot be added as NOT NULL: the table's existing rows have no value for it. Add it nullable.");
            }

            DuckDbTypes.ToDuckDb(column.Type);
            fields.Add(column);
        }

        var transaction = Start(snapshot, "ADD COLUMNS", new StructType(fields));
        transaction.OperationParameters["columns"] = JsonSerializer.Serialize(columns.Select(c => new { name = c.Name, type = c.Type.ToString() }));
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    public async Task<OperationResult> ChangeColumnTypeAsync(string column, DeltaType type, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        var field = Find(snapshot, column);
        if (field.Type.Equals(type))
        {
            return new OperationResult(snapshot.Version, false, new Dictionary<string, string>());
        }

        if (snapshot.PartitionColumns.Contains(field.Name, StringComparer.OrdinalIgnoreCase) || !TypeWidening.IsWidening(field.Type, type))
        {
            throw new InvalidTableOperationException(
                $"The column '{field.Name}' cannot change from {field.Type} to {type}: only widening of data columns is allowed (byte→short→integer→long, float→double, decimal precision up). "
                + "Narrowing or other changes need rewriting the table: overwrite it with the schema-overwrite option.");
        }

        var transaction = Start(snapshot, "CHANGE COLUMN", Replace(snapshot.Schema, TypeWidening.Widen(field, type)));
        EnableWidening(snapshot, transaction);
        transaction.OperationParameters["column"] = JsonSerializer.Serialize(new { name = field.Name, type = type.ToString() });
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    public async Task<OperationResult> SetColumnMetadataAsync(string column, string key, JsonNode? value, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        var field = Find(snapshot, column);
        var metadata = field.Metadata?.DeepClone().AsObject() ?? new JsonObject();
        if (value is null)
        {
            metadata.Remove(key);
        }
        else
        {
            metadata[key] = value.DeepClone();
        }

        var transaction = Start(snapshot, "CHANGE COLUMN", Replace(snapshot.Schema, field with { Metadata = metadata }));
        transaction.OperationParameters["column"] = JsonSerializer.Serialize(new { name = field.Name, metadata = metadata.ToJsonString() });
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    public async Task<OperationResult> SetPropertiesAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        var configuration = new Dictionary<string, string>(snapshot.Configuration, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (key is TableProperties.ColumnMappingMode or TableProperties.EnableInCommitTimestamps or TableProperties.InCommitTimestampEnablementTimestamp
                or TableProperties.InCommitTimestampEnablementVersion or TypeWidening.EnableProperty)
            {
                throw new InvalidTableOperationException($"The property '{key}' changes the table's protocol and cannot be set directly yet; NeuroLake manages it.");
            }

            if (value is not null && key is TableProperties.AppendOnly && value is not ("true" or "false"))
            {
                throw new InvalidTableOperationException($"The property '{key}' must be 'true' or 'false', not '{value}'.");
            }

            if (value is not null && key is TableProperties.DeletedFileRetentionDuration && !Interval().IsMatch(value))
            {
                throw new InvalidTableOperationException($"The property '{key}' must be an interval such as 'interval 7 days', not '{value}'.");
            }

            if (value is null)
            {
                configuration.Remove(key);
            }
            else
            {
                configuration[key] = value;
            }
        }

        var unset = changes.All(c => c.Value is null);
        var transaction = table.StartTransaction(snapshot, unset ? "UNSET TBLPROPERTIES" : "SET TBLPROPERTIES");
        transaction.NewMetadata = snapshot.Metadata with { Configuration = configuration };
        transaction.OperationParameters["properties"] = JsonSerializer.Serialize(changes);
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    /// <summary>Appends a query's rows, first merging its columns into the schema (new columns, widened types).</summary>
    public async Task<OperationResult> AppendMergingSchemaAsync(string query, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        List<(string Name, string DuckDbType)> columns;
        using (var connection = table.DuckDb.ConnectTracked())
        {
            columns = QuerySchema.Describe(connection, query);
        }

        var schema = snapshot.Schema;
        var widened = false;
        foreach (var (name, duckType) in columns)
        {
            var type = DuckDbTypes.FromDuckDb(duckType);
            if (schema.Find(name) is not { } field)
            {
                if (!Identifier().IsMatch(name))
                {
                    throw new InvalidTableOperationException($"The query's column '{name}' is not a valid column name: use letters, digits and underscores.");
                }

                schema = new StructType([.. schema.Fields, new StructField(name, type)]);
            }
            else if (TypeWidening.IsWidening(field.Type, type) && !snapshot.PartitionColumns.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                schema = Replace(schema, TypeWidening.Widen(field, type));
                widened = true;
            }
        }

        var transaction = schema.Equals(snapshot.Schema) ? table.StartTransaction(snapshot, "WRITE") : Start(snapshot, "WRITE", schema);
        if (widened)
        {
            EnableWidening(snapshot, transaction);
        }

        transaction.OperationParameters["mode"] = "Append";
        transaction.OperationParameters["mergeSchema"] = "true";
        var written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, schema, snapshot.PartitionColumns, query, table.Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
        transaction.AddRange(written.Files);
        transaction.OperationMetrics["numFiles"] = Text(written.Files.Count);
        transaction.OperationMetrics["numOutputRows"] = Text(written.Rows);
        transaction.OperationMetrics["numOutputBytes"] = Text(written.Bytes);
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    /// <summary>Replaces every row and the schema with the query's (partition columns stay and must be in the query).</summary>
    public async Task<OperationResult> OverwriteSchemaAsync(string query, CancellationToken ct)
    {
        var snapshot = await WritableAsync(ct).ConfigureAwait(false);
        StructType schema;
        using (var connection = table.DuckDb.ConnectTracked())
        {
            schema = QuerySchema.ToDelta(QuerySchema.Describe(connection, query));
        }

        foreach (var partition in snapshot.PartitionColumns)
        {
            if (schema.Find(partition) is null)
            {
                throw new InvalidTableOperationException($"The query lacks the partition column '{partition}'; an overwrite keeps the table's partitioning. Return that column too.");
            }
        }

        if (schema.Fields.Any(f => !Identifier().IsMatch(f.Name)) || schema.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new InvalidTableOperationException("The query's column names must be valid (letters, digits, underscores) and unique (case-insensitive).");
        }

        var transaction = Start(snapshot, "WRITE", schema);
        transaction.ReadSet.ReadWholeTable();
        transaction.ReadSet.ReadFiles(snapshot.Files);
        transaction.OperationParameters["mode"] = "Overwrite";
        transaction.OperationParameters["overwriteSchema"] = "true";
        var written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, schema, snapshot.PartitionColumns, query, table.Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
        var now = table.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        transaction.AddRange(snapshot.Files.Select(f => (DeltaAction)Tombstones.For(f, now, dataChange: true)));
        transaction.AddRange(written.Files);
        transaction.OperationMetrics["numFiles"] = Text(written.Files.Count);
        transaction.OperationMetrics["numOutputRows"] = Text(written.Rows);
        transaction.OperationMetrics["numRemovedFiles"] = Text(snapshot.Files.Count);
        return await CommitAsync(transaction, ct).ConfigureAwait(false);
    }

    public static InvalidTableOperationException Refused(string what, string column) => new(
        $"{what} '{column}' is not possible on this table: without column mapping (delta.columnMapping.mode = name), data files find columns by name, "
        + "so a dropped or renamed column would return old data or none. Overwrite the table with the schema-overwrite option to reshape it.");

    private async Task<Snapshot> WritableAsync(CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        return snapshot;
    }

    private Transaction Start(Snapshot snapshot, string operation, StructType schema)
    {
        var transaction = table.StartTransaction(snapshot, operation);
        transaction.NewMetadata = snapshot.Metadata with { SchemaString = SchemaJson.Serialize(schema) };
        return transaction;
    }

    private static void EnableWidening(Snapshot snapshot, Transaction transaction)
    {
        transaction.NewProtocol = TypeWidening.Enable(snapshot.Protocol);
        var metadata = transaction.NewMetadata!;
        transaction.NewMetadata = metadata with
        {
            Configuration = new Dictionary<string, string>(metadata.Configuration, StringComparer.Ordinal) { [TypeWidening.EnableProperty] = "true" },
        };
    }

    private static StructField Find(Snapshot snapshot, string column) => snapshot.Schema.Find(column) ?? throw new InvalidTableOperationException(
        $"The table has no column '{column}' (columns: {string.Join(", ", snapshot.Schema.Fields.Select(f => f.Name))}).");

    private static StructType Replace(StructType schema, StructField field) =>
        new(schema.Fields.Select(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase) ? field : f).ToList());

    private async Task<OperationResult> CommitAsync(Transaction transaction, CancellationToken ct)
    {
        var result = await table.CommitAsync(transaction, ct).ConfigureAwait(false);
        return new OperationResult(result.Version, true, result.OperationMetrics);
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*(interval\s+)?\d+(\.\d+)?\s*(weeks?|days?|hours?|minutes?|seconds?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
