namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A predicate over a table's columns that limits the rows members of one group read.</summary>
internal sealed class RowFilterRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TableId { get; set; }

    public string GroupName { get; set; } = "";

    /// <summary>DuckDB SQL, checked by the sandbox when set: a boolean expression over the table's columns only.</summary>
    public string Predicate { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
