namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A SQL template with typed variables (the pattern library: built-ins and user patterns).</summary>
internal sealed class TemplateRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Sql { get; set; } = "";

    /// <summary>JSON array of variables (name, kind, description).</summary>
    public string VariablesJson { get; set; } = "[]";

    public List<string> Tags { get; set; } = [];

    public bool BuiltIn { get; set; }

    public long UsageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
