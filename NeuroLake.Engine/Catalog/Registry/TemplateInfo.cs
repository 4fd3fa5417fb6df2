namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>A SQL template of the pattern library.</summary>
public sealed record TemplateInfo(
    string Name,
    string Description,
    string Sql,
    IReadOnlyList<TemplateVariable> Variables,
    IReadOnlyList<string> Tags,
    bool BuiltIn,
    long UsageCount);

/// <summary>One version of a pipeline's logic.</summary>
public sealed record PipelineVersion(int Version, string LogicJson, string Comment, DateTimeOffset CreatedAt);

/// <summary>A registered pipeline with its version history (oldest first).</summary>
public sealed record PipelineInfo(
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    int CurrentVersion,
    long UsageCount,
    IReadOnlyList<PipelineVersion> Versions);

/// <summary>A registered pipeline as lists show it: no version history.</summary>
public sealed record PipelineSummary(
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    int CurrentVersion,
    long UsageCount,
    DateTimeOffset UpdatedAt);
