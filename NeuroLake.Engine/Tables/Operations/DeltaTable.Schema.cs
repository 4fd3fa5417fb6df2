using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Operations.Schema;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables;

public sealed partial class DeltaTable
{
    /// <summary>ALTER TABLE ADD COLUMNS: nullable columns appended to the schema; existing rows read NULL for them.</summary>
    public Task<OperationResult> AddColumnsAsync(IReadOnlyList<StructField> columns, CancellationToken ct = default) =>
        new SchemaCommand(this).AddColumnsAsync(columns, ct);

    /// <summary>Widens a column's type (byte→short→integer→long, float→double, decimal precision up); anything else is refused.</summary>
    public Task<OperationResult> ChangeColumnTypeAsync(string column, DeltaType type, CancellationToken ct = default) =>
        new SchemaCommand(this).ChangeColumnTypeAsync(column, type, ct);

    /// <summary>ALTER COLUMN ... COMMENT: the field metadata key <c>comment</c>, as Spark keeps it (null removes it).</summary>
    public Task<OperationResult> SetColumnCommentAsync(string column, string? comment, CancellationToken ct = default) =>
        new SchemaCommand(this).SetColumnMetadataAsync(column, SchemaCommand.CommentKey, comment is null ? null : JsonValue.Create(comment), ct);

    /// <summary>Sets NeuroLake's semantic type of a column (field metadata <c>neurolake.semanticType</c>; null removes it).</summary>
    public Task<OperationResult> SetColumnSemanticTypeAsync(string column, string? semanticType, CancellationToken ct = default) =>
        new SchemaCommand(this).SetColumnMetadataAsync(column, StructField.SemanticTypeKey, semanticType is null ? null : JsonValue.Create(semanticType), ct);

    /// <summary>SET / UNSET TBLPROPERTIES: a null value removes the property.</summary>
    public Task<OperationResult> SetPropertiesAsync(IReadOnlyDictionary<string, string?> properties, CancellationToken ct = default) =>
        new SchemaCommand(this).SetPropertiesAsync(properties, ct);

    /// <summary>Appends with <see cref="WriteSchemaMode.MergeSchema"/> (new columns, widened types) or strictly.</summary>
    public Task<OperationResult> AppendAsync(string query, WriteSchemaMode schemaMode, CancellationToken ct = default) => schemaMode switch
    {
        WriteSchemaMode.MergeSchema => new SchemaCommand(this).AppendMergingSchemaAsync(query, ct),
        WriteSchemaMode.Strict => StrictAppendAsync(query, ct),
        _ => throw new Errors.InvalidTableOperationException("An append cannot overwrite the schema; overwrite the table with WriteSchemaMode.OverwriteSchema."),
    };

    /// <summary>Overwrites every row; with <see cref="WriteSchemaMode.OverwriteSchema"/> the query's columns become the schema.</summary>
    public Task<OperationResult> OverwriteAsync(string query, WriteSchemaMode schemaMode, CancellationToken ct = default) => schemaMode switch
    {
        WriteSchemaMode.OverwriteSchema => new SchemaCommand(this).OverwriteSchemaAsync(query, ct),
        _ => throw new Errors.InvalidTableOperationException("Use OverwriteAsync(query) for an overwrite that keeps the schema; WriteSchemaMode.OverwriteSchema replaces it."),
    };

    /// <summary>Always refused: dropping a column needs column mapping, which NeuroLake does not write yet.</summary>
    public Task<OperationResult> DropColumnAsync(string column, CancellationToken ct = default) =>
        Task.FromException<OperationResult>(SchemaCommand.Refused("Dropping the column", column));

    /// <summary>Always refused: renaming a column needs column mapping, which NeuroLake does not write yet.</summary>
    public Task<OperationResult> RenameColumnAsync(string column, string newName, CancellationToken ct = default) =>
        Task.FromException<OperationResult>(SchemaCommand.Refused("Renaming the column", column));

    private async Task<OperationResult> StrictAppendAsync(string query, CancellationToken ct)
    {
        var result = await AppendAsync(query, ct).ConfigureAwait(false);
        return new OperationResult(result.Version, true, result.OperationMetrics);
    }
}
