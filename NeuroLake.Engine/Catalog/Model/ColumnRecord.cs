namespace NeuroLake.Engine.Catalog.Model;

internal sealed class ColumnRecord : SecurableRecord
{
    public Guid TableId { get; set; }

    public TableRecord? Table { get; set; }

    public int Ordinal { get; set; }

    /// <summary>Delta type name: <c>long</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>, …</summary>
    public string TypeText { get; set; } = "";

    public bool Nullable { get; set; } = true;

    public string? SemanticType { get; set; }

    public string? PiiType { get; set; }

    public double? PiiConfidence { get; set; }

    public PiiSource? PiiSource { get; set; }
}
