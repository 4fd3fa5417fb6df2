namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>The whole NUIC registry as exported: pipelines with every version, and every template.</summary>
internal sealed record RegistryDocument(int Format, List<RegistryDocument.Pipeline> Pipelines, List<RegistryDocument.Template> Templates)
{
    public const int CurrentFormat = 1;

    public sealed record Pipeline(
        string Name, string Description, List<string> Tags, long UsageCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        List<PipelineVersion> Versions);

    public sealed record Template(
        string Name, string Description, string Sql, List<TemplateVariable> Variables, List<string> Tags, bool BuiltIn, long UsageCount,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
}
