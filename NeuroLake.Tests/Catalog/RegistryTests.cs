using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Registry;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class RegistryTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task A_pipeline_keeps_every_version_of_its_logic_and_counts_uses(CatalogProvider provider)
    {
        var pipelines = (await databases.OpenAsync(provider)).GetRequiredService<PipelineRegistry>();
        var name = Unique("load_orders");
        await pipelines.CreateAsync(name, "Loads orders", """{"steps":["read","write"]}""", ["sales"]);

        var second = await pipelines.UpdateAsync(name, """{"steps":["read","dedup","write"]}""", "add dedup");
        await pipelines.RecordUseAsync(name);
        await pipelines.RecordUseAsync(name);
        var info = await pipelines.GetAsync(name);

        Assert.Equal(2, second);
        Assert.Equal((2, 2L, "Loads orders"), (info.CurrentVersion, info.UsageCount, info.Description));
        Assert.Equal([(1, """{"steps":["read","write"]}""", "created"), (2, """{"steps":["read","dedup","write"]}""", "add dedup")],
            info.Versions.Select(v => (v.Version, v.LogicJson, v.Comment)));
    }

    [Theory, CatalogProviders]
    public async Task Duplicate_or_invalid_pipelines_are_refused_and_change_nothing(CatalogProvider provider)
    {
        var pipelines = (await databases.OpenAsync(provider)).GetRequiredService<PipelineRegistry>();
        var name = Unique("p");
        await pipelines.CreateAsync(name, "", "{}");

        Assert.Contains("already exists", (await Assert.ThrowsAsync<CatalogException>(() => pipelines.CreateAsync(name, "", "{}"))).Message);
        Assert.Contains("not valid JSON", (await Assert.ThrowsAsync<CatalogException>(() => pipelines.UpdateAsync(name, "{oops"))).Message);
        Assert.Contains("not a valid identifier", (await Assert.ThrowsAsync<CatalogException>(() => pipelines.CreateAsync("drop table", "", "{}"))).Message);
        await Assert.ThrowsAsync<CatalogException>(() => pipelines.RecordUseAsync(Unique("ghost")));
        Assert.Equal(1, (await pipelines.GetAsync(name)).CurrentVersion);
    }

    [Theory, CatalogProviders]
    public async Task Built_in_patterns_render_with_quoted_identifiers_and_literal_values_and_count_uses(CatalogProvider provider)
    {
        var library = (await databases.OpenAsync(provider)).GetRequiredService<PatternLibrary>();
        var names = (await library.ListAsync()).Where(t => t.BuiltIn).Select(t => t.Name);
        Assert.Equal(["dedup", "incremental_upsert", "scd2", "soft_delete", "surrogate_key"], names);

        var dedup = await library.RenderAsync("dedup", new Dictionary<string, object?>
        {
            ["source"] = "sales.orders", ["keys"] = new[] { "order_id", "line" }, ["order_by"] = "updated_at",
        });
        var keyed = await library.RenderAsync("surrogate_key", new Dictionary<string, object?>
        {
            ["source"] = "dim", ["natural_keys"] = "code, name", ["key_name"] = "sk", ["offset"] = 100L,
        });

        Assert.Equal(
            """
            SELECT * FROM "sales"."orders"
            QUALIFY row_number() OVER (PARTITION BY "order_id", "line" ORDER BY "updated_at" DESC) = 1
            """, dedup);
        Assert.StartsWith("""SELECT 100 + row_number() OVER (ORDER BY "code", "name") AS "sk", *""", keyed);
        Assert.True((await library.ListAsync()).Single(t => t.Name == "dedup").UsageCount >= 1);
    }

    [Theory, CatalogProviders]
    public async Task Values_that_would_inject_sql_are_refused_or_escaped_and_missing_or_unknown_variables_fail(CatalogProvider provider)
    {
        var library = (await databases.OpenAsync(provider)).GetRequiredService<PatternLibrary>();
        var name = Unique("by_status");
        await library.CreateAsync(name, "", "SELECT * FROM {{table}} WHERE status = {{status}} LIMIT {{n}}",
            [new("table", TemplateVariableKind.Identifier), new("status", TemplateVariableKind.String), new("n", TemplateVariableKind.Integer)]);
        Dictionary<string, object?> Values(object table, object status, object n) => new() { ["table"] = table, ["status"] = status, ["n"] = n };

        var escaped = await library.RenderAsync(name, Values("orders", "x'; DROP TABLE orders; --", 5));
        Dictionary<string, object?>[] refused =
        [
            Values("orders\"; DROP TABLE orders; --", "open", 5),
            Values("orders", "open", "5; DROP TABLE orders"),
            Values("orders", 42, 5),
            new() { ["table"] = "orders", ["status"] = "open" },
            new() { ["table"] = "orders", ["status"] = "open", ["n"] = 1, ["extra"] = 2 },
        ];
        foreach (var values in refused)
        {
            await Assert.ThrowsAsync<CatalogException>(() => library.RenderAsync(name, values));
        }

        Assert.Equal("""SELECT * FROM "orders" WHERE status = 'x''; DROP TABLE orders; --' LIMIT 5""", escaped);
        Assert.Equal(1, (await library.ListAsync()).Single(t => t.Name == name).UsageCount);
    }

    [Theory, CatalogProviders]
    public async Task Templates_with_undeclared_or_unused_variables_or_taken_names_are_refused(CatalogProvider provider)
    {
        var library = (await databases.OpenAsync(provider)).GetRequiredService<PatternLibrary>();
        var name = Unique("t");

        await Assert.ThrowsAsync<CatalogException>(() => library.CreateAsync(name, "", "SELECT {{a}}", []));
        await Assert.ThrowsAsync<CatalogException>(() => library.CreateAsync(name, "", "SELECT 1", [new("a", TemplateVariableKind.Integer)]));
        await Assert.ThrowsAsync<CatalogException>(() => library.CreateAsync(name, "", "SELECT {{a b}}", [new("a b", TemplateVariableKind.Integer)]));
        await Assert.ThrowsAsync<CatalogException>(() => library.CreateAsync("scd2", "", "SELECT 1", []));
        Assert.DoesNotContain(await library.ListAsync(), t => t.Name == name);
    }

    [Theory, CatalogProviders]
    public async Task Export_then_import_into_another_catalog_round_trips_exactly(CatalogProvider provider)
    {
        await using var source = await databases.CreateMigratedAsync(provider);
        await using var target = await databases.CreateMigratedAsync(provider);
        var pipelines = source.GetRequiredService<PipelineRegistry>();
        await pipelines.CreateAsync("load", "Loads \"things\" ünïcode", """{ "a": [1, 2.50, "x"] }""", ["t1", "t2"]);
        await pipelines.UpdateAsync("load", """{"a":[]}""", "second");
        await pipelines.RecordUseAsync("load");
        await source.GetRequiredService<PatternLibrary>().CreateAsync("mine", "d", "SELECT {{v}}", [new("v", TemplateVariableKind.Decimal, "a value")], ["x"]);
        await source.GetRequiredService<PatternLibrary>().RenderAsync("scd2", new Dictionary<string, object?>
        {
            ["target"] = "d", ["source"] = "s", ["key"] = "k", ["hash_column"] = "h", ["as_of"] = "2026-01-01",
        });
        var exported = await source.GetRequiredService<RegistryTransfer>().ExportAsync();

        await target.GetRequiredService<RegistryTransfer>().ImportAsync(exported);

        Assert.Equal(exported, await target.GetRequiredService<RegistryTransfer>().ExportAsync());
        var load = await target.GetRequiredService<PipelineRegistry>().GetAsync("load");
        Assert.Equal((2, 1L, """{ "a": [1, 2.50, "x"] }"""), (load.CurrentVersion, load.UsageCount, load.Versions[0].LogicJson));
    }

    [Theory, CatalogProviders]
    public async Task An_invalid_registry_document_is_refused_and_the_registry_is_unchanged(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var transfer = services.GetRequiredService<RegistryTransfer>();
        await services.GetRequiredService<PipelineRegistry>().CreateAsync("keep", "", "{}");
        var before = await transfer.ExportAsync();
        var injected = before.Replace("\"name\": \"keep\"", "\"name\": \"keep; DROP TABLE pipelines\"");

        foreach (var document in new[] { "not json", """{"format": 99, "pipelines": [], "templates": []}""", injected })
        {
            await Assert.ThrowsAsync<CatalogException>(() => transfer.ImportAsync(document));
        }

        Assert.NotEqual(before, injected);
        Assert.Equal(before, await transfer.ExportAsync());
    }
}
