using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Engine.Catalog.Impact;

/// <summary>What a proposed schema change does.</summary>
public enum ProposedChangeKind
{
    AddColumn,
    DropColumn,
    RenameColumn,
    ChangeType,
}

/// <summary>
/// A schema change someone is considering for the start table (or the start column), to be classified by the
/// catalog's <see cref="SchemaComparer"/> before anything is changed.
/// </summary>
/// <param name="Column">The column changed (for <see cref="ProposedChangeKind.AddColumn"/>, the new column).</param>
/// <param name="NewName">For a rename: the new name.</param>
/// <param name="NewType">For a type change or an added column: the Delta type name (<c>long</c>, <c>string</c>, <c>decimal(10,2)</c> ...).</param>
/// <param name="Nullable">For an added column: whether it may be null.</param>
public sealed record ProposedChange(ProposedChangeKind Kind, string Column, string? NewName = null, string? NewType = null, bool Nullable = true)
{
    public static ProposedChange AddColumn(string column, string type, bool nullable = true) => new(ProposedChangeKind.AddColumn, column, NewType: type, Nullable: nullable);

    public static ProposedChange DropColumn(string column) => new(ProposedChangeKind.DropColumn, column);

    public static ProposedChange RenameColumn(string column, string newName) => new(ProposedChangeKind.RenameColumn, column, NewName: newName);

    public static ProposedChange ChangeType(string column, string newType) => new(ProposedChangeKind.ChangeType, column, NewType: newType);

    public override string ToString() => Kind switch
    {
        ProposedChangeKind.AddColumn => $"add column {Column} {NewType}",
        ProposedChangeKind.DropColumn => $"drop column {Column}",
        ProposedChangeKind.RenameColumn => $"rename column {Column} to {NewName}",
        _ => $"change type of {Column} to {NewType}",
    };

    /// <summary>The table's columns after the change; a change that names a missing column, or lacks its new name or type, throws.</summary>
    /// <exception cref="CatalogException"/>
    internal IReadOnlyList<ColumnDescriptor> Apply(SecurablePath table, IReadOnlyList<ColumnDescriptor> columns)
    {
        var existing = columns.FirstOrDefault(c => string.Equals(c.Name, Column, StringComparison.OrdinalIgnoreCase));
        if (Kind == ProposedChangeKind.AddColumn)
        {
            if (existing is not null)
            {
                CatalogThrow.Invalid($"Column '{Column}' already exists in {table}: propose a new name, or a type change of the existing column.");
            }

            Identifier.Require(Column, "Column");
            return [.. columns, new ColumnDescriptor(Column, Required(NewType, "a type"), Nullable)];
        }

        if (existing is null)
        {
            CatalogThrow.NotFound("Column", $"{table}.{Column}");
        }

        return Kind switch
        {
            ProposedChangeKind.DropColumn => columns.Where(c => c != existing).ToList(),
            ProposedChangeKind.RenameColumn => columns.Select(c => c == existing ? c with { Name = Identifier.Require(Required(NewName, "a new name"), "Column") } : c).ToList(),
            _ => columns.Select(c => c == existing ? c with { Type = Required(NewType, "a new type") } : c).ToList(),
        };
    }

    private string Required(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            CatalogThrow.Invalid($"The proposed change '{Kind}' of column '{Column}' needs {what}.");
        }

        return value;
    }
}
