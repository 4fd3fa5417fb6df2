using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>Export and import of the whole registry as JSON; exporting what was imported gives the same text.</summary>
public sealed class RegistryTransfer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal RegistryTransfer(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pipelines = await db.Pipelines.AsNoTracking().Include(p => p.Versions).ToListAsync(cancellationToken);
        var templates = await db.Templates.AsNoTracking().ToListAsync(cancellationToken);
        var document = new RegistryDocument(
            RegistryDocument.CurrentFormat,
            pipelines.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new RegistryDocument.Pipeline(
                p.Name, p.Description, p.Tags, p.UsageCount, p.CreatedAt, p.UpdatedAt,
                p.Versions.OrderBy(v => v.Version).Select(v => new PipelineVersion(v.Version, v.LogicJson, v.Comment, v.CreatedAt)).ToList())).ToList(),
            templates.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new RegistryDocument.Template(
                t.Name, t.Description, t.Sql, JsonColumn.Read<List<TemplateVariable>>(t.VariablesJson), t.Tags, t.BuiltIn, t.UsageCount,
                t.CreatedAt, t.UpdatedAt)).ToList());
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>
    /// Replaces the registry with the exported <paramref name="json"/>. The document is checked first (format, names, JSON logic,
    /// template variables, versions 1..n); any problem throws and the registry is left as it was.
    /// </summary>
    public async Task ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var document = Parse(json);
        Validate(document);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Pipelines.ExecuteDeleteAsync(cancellationToken);
        await db.Templates.ExecuteDeleteAsync(cancellationToken);
        foreach (var p in document.Pipelines)
        {
            var record = new PipelineRecord
            {
                Name = p.Name, Description = p.Description, Tags = p.Tags, UsageCount = p.UsageCount, CurrentVersion = p.Versions.Count,
                CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt,
            };
            record.Versions = p.Versions.Select(v => new PipelineVersionRecord
            {
                PipelineId = record.Id, Version = v.Version, LogicJson = v.LogicJson, Comment = v.Comment, CreatedAt = v.CreatedAt,
            }).ToList();
            db.Pipelines.Add(record);
        }

        foreach (var t in document.Templates)
        {
            db.Templates.Add(new TemplateRecord
            {
                Name = t.Name, Description = t.Description, Sql = t.Sql, VariablesJson = JsonColumn.Write(t.Variables), Tags = t.Tags,
                BuiltIn = t.BuiltIn, UsageCount = t.UsageCount, CreatedAt = t.CreatedAt, UpdatedAt = t.UpdatedAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static RegistryDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RegistryDocument>(json, Json)
                ?? throw new CatalogException("The registry document is empty: import the text ExportAsync produced.");
        }
        catch (JsonException error)
        {
            throw new CatalogException($"The registry document is not valid JSON ({error.Message}): import the text ExportAsync produced.", error);
        }
    }

    private static void Validate(RegistryDocument document)
    {
        if (document.Format != RegistryDocument.CurrentFormat || document.Pipelines is null || document.Templates is null)
        {
            CatalogThrow.Invalid($"The registry document has format {document.Format}: this NeuroLake imports format {RegistryDocument.CurrentFormat}.");
        }

        foreach (var duplicate in document.Pipelines.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            CatalogThrow.Duplicate("Pipeline", duplicate.Key);
        }

        foreach (var duplicate in document.Templates.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            CatalogThrow.Duplicate("Template", duplicate.Key);
        }

        foreach (var p in document.Pipelines)
        {
            Identifier.Require(p.Name, "Pipeline name");
            if (p.Versions is not { Count: > 0 } || p.Versions.Select(v => v.Version).Where((v, i) => v != i + 1).Any())
            {
                CatalogThrow.Invalid($"Pipeline '{p.Name}' must list versions 1, 2, … in order: export it again.");
            }

            foreach (var v in p.Versions)
            {
                PipelineRegistry.RequireJson(p.Name, v.LogicJson);
            }
        }

        foreach (var t in document.Templates)
        {
            Identifier.Require(t.Name, "Template name");
            SqlTemplate.Validate(t.Name, t.Sql, t.Variables ?? []);
        }
    }
}
