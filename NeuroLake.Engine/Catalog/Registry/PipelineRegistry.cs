using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>Reusable pipelines: logic as JSON, every change a new version, uses counted.</summary>
public sealed class PipelineRegistry
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal PipelineRegistry(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Registers a pipeline at version 1; an invalid or taken name, or logic that is not JSON, throws.</summary>
    public async Task CreateAsync(
        string name, string description, string logicJson, IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default)
    {
        Identifier.Require(name, "Pipeline name");
        RequireJson(name, logicJson);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        if (await db.Pipelines.AnyAsync(p => p.Name == name, cancellationToken))
        {
            CatalogThrow.Duplicate("Pipeline", name);
        }

        var now = _time.GetUtcNow();
        var pipeline = new PipelineRecord
        {
            Name = name, Description = description ?? "", Tags = [.. tags ?? []], CurrentVersion = 1, CreatedAt = now, UpdatedAt = now,
        };
        pipeline.Versions.Add(new PipelineVersionRecord { PipelineId = pipeline.Id, Version = 1, LogicJson = logicJson, Comment = "created", CreatedAt = now });
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores new logic as the next version and returns its number.</summary>
    public async Task<int> UpdateAsync(string name, string logicJson, string comment = "", CancellationToken cancellationToken = default)
    {
        RequireJson(name, logicJson);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pipeline = await FindAsync(db, name, cancellationToken);
        var now = _time.GetUtcNow();
        pipeline.CurrentVersion++;
        pipeline.UpdatedAt = now;
        db.PipelineVersions.Add(new PipelineVersionRecord
        {
            PipelineId = pipeline.Id, Version = pipeline.CurrentVersion, LogicJson = logicJson, Comment = comment ?? "", CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return pipeline.CurrentVersion;
    }

    /// <summary>Every pipeline by name, without its versions' logic.</summary>
    public async Task<IReadOnlyList<PipelineSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Pipelines.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PipelineSummary(p.Name, p.Description, p.Tags, p.CurrentVersion, p.UsageCount, p.UpdatedAt))
            .ToList();
    }

    public async Task<PipelineInfo> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pipeline = await FindAsync(db, name, cancellationToken);
        var versions = await db.PipelineVersions.AsNoTracking().Where(v => v.PipelineId == pipeline.Id).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        return new PipelineInfo(pipeline.Name, pipeline.Description, pipeline.Tags, pipeline.CurrentVersion, pipeline.UsageCount,
            versions.Select(v => new PipelineVersion(v.Version, v.LogicJson, v.Comment, v.CreatedAt)).ToList());
    }

    /// <summary>Counts one run or reuse of the pipeline.</summary>
    public async Task RecordUseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pipeline = await FindAsync(db, name, cancellationToken);
        await db.Pipelines.Where(p => p.Id == pipeline.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UsageCount, p => p.UsageCount + 1), cancellationToken);
    }

    internal static void RequireJson(string name, string logicJson)
    {
        try
        {
            using var _ = JsonDocument.Parse(logicJson ?? "");
        }
        catch (JsonException error)
        {
            throw new CatalogException($"The logic of pipeline '{name}' is not valid JSON ({error.Message}): fix the JSON.", error);
        }
    }

    private static async Task<PipelineRecord> FindAsync(CatalogDbContext db, string name, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.FirstOrDefaultAsync(p => p.Name == name, ct);
        if (pipeline is null)
        {
            CatalogThrow.NotFound("Pipeline", name);
        }

        return pipeline;
    }
}
