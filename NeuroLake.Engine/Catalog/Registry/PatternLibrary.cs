using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>SQL templates (built-in patterns and users' own), rendered with safe substitution and counted when used.</summary>
public sealed class PatternLibrary
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal PatternLibrary(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Adds a template; an invalid name, undeclared or unused variable, or a taken name throws.</summary>
    public async Task CreateAsync(
        string name, string description, string sql, IReadOnlyList<TemplateVariable> variables, IReadOnlyList<string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        Identifier.Require(name, "Template name");
        SqlTemplate.Validate(name, sql, variables);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        if (await db.Templates.AnyAsync(t => t.Name == name, cancellationToken))
        {
            CatalogThrow.Duplicate("Template", name);
        }

        var now = _time.GetUtcNow();
        db.Templates.Add(new TemplateRecord
        {
            Name = name,
            Description = description ?? "",
            Sql = sql,
            VariablesJson = JsonColumn.Write(variables),
            Tags = [.. tags ?? []],
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TemplateInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>Renders the template with <paramref name="values"/> and counts the use; bad values throw and count nothing.</summary>
    public async Task<string> RenderAsync(string name, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (template is null)
        {
            CatalogThrow.NotFound("Template", name);
        }

        var sql = SqlTemplate.Render(name, template.Sql, JsonColumn.Read<List<TemplateVariable>>(template.VariablesJson), values);
        await db.Templates.Where(t => t.Id == template.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsageCount, t => t.UsageCount + 1), cancellationToken);
        return sql;
    }

    /// <summary>Adds any built-in pattern the catalog lacks; never overwrites one a user changed.</summary>
    internal async Task EnsureBuiltInPatternsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var present = (await db.Templates.Select(t => t.Name).ToListAsync(cancellationToken)).ToHashSet();
        var now = _time.GetUtcNow();
        foreach (var pattern in BuiltInPatterns.All.Where(p => !present.Contains(p.Name)))
        {
            db.Templates.Add(new TemplateRecord
            {
                Name = pattern.Name,
                Description = pattern.Description,
                Sql = pattern.Sql,
                VariablesJson = JsonColumn.Write(pattern.Variables),
                Tags = [.. pattern.Tags],
                BuiltIn = true,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static TemplateInfo ToInfo(TemplateRecord t) => new(
        t.Name, t.Description, t.Sql, JsonColumn.Read<List<TemplateVariable>>(t.VariablesJson), t.Tags, t.BuiltIn, t.UsageCount);
}
