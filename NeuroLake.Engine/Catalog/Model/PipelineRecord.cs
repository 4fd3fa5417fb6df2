namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A reusable pipeline in the NUIC registry; its logic lives in <see cref="PipelineVersionRecord"/>s.</summary>
internal sealed class PipelineRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public int CurrentVersion { get; set; }

    public long UsageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PipelineVersionRecord> Versions { get; set; } = [];
}
