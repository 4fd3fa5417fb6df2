namespace NeuroLake.Engine.Catalog.Model;

internal sealed class PipelineVersionRecord
{
    public Guid PipelineId { get; set; }

    public int Version { get; set; }

    /// <summary>The pipeline's logic as JSON, stored verbatim.</summary>
    public string LogicJson { get; set; } = "{}";

    public string Comment { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
