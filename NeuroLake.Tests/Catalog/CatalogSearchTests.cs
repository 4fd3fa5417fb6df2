using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Search;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class CatalogSearchTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Exact_name_ranks_before_prefix_before_tag_before_a_word_in_the_description(CatalogProvider provider)
    {
        var (registrar, store, search) = await Open(provider);
        var word = Unique("w");
        var schema = Unique("s");
        await registrar.RegisterTableAsync(Table("main", schema, word, 0, Column("id", "long", false)));
        await registrar.RegisterTableAsync(Table("main", schema, word + "_history", 0, Column("id", "long", false)));
        await registrar.RegisterTableAsync(Table("main", schema, "described", 0, Column("id", "long", false)));
        await registrar.RegisterTableAsync(Table("main", schema, "tagged", 0, Column("id", "long", false)));
        await store.SetDescriptionAsync(new SecurablePath("main", schema, "described"), $"Everything about {word.ToUpperInvariant()} events.");
        await store.SetTagsAsync(new SecurablePath("main", schema, "tagged"), [word]);

        var hits = await search.SearchAsync(new CatalogSearchQuery(word));

        Assert.Equal(
            [
                ($"main.{schema}.{word}", SearchMatch.ExactName),
                ($"main.{schema}.{word}_history", SearchMatch.NamePrefix),
                ($"main.{schema}.tagged", SearchMatch.Tag),
                ($"main.{schema}.described", SearchMatch.Word),
            ],
            hits.Select(h => (h.QualifiedName, h.Match)));
    }

    [Theory, CatalogProviders]
    public async Task Schemas_and_columns_are_found_by_name_and_by_a_word_of_their_name(CatalogProvider provider)
    {
        var (registrar, _, search) = await Open(provider);
        var schema = Unique("s");
        var column = Unique("col");
        await registrar.RegisterTableAsync(Table("main", schema, "t", 0, Column("id", "long", false), Column(column + "_email")));

        var bySchema = await search.SearchAsync(new CatalogSearchQuery(schema.ToUpperInvariant()) { Kind = SecurableKind.Schema });
        var byColumnWord = await search.SearchAsync(new CatalogSearchQuery(column));

        Assert.Equal(($"main.{schema}", SearchMatch.ExactName), (Assert.Single(bySchema).QualifiedName, bySchema[0].Match));
        var hit = Assert.Single(byColumnWord);
        Assert.Equal((SecurableKind.Column, $"main.{schema}.t.{column}_email", SearchMatch.NamePrefix), (hit.Kind, hit.QualifiedName, hit.Match));
    }

    [Theory, CatalogProviders]
    public async Task Filters_by_schema_tag_owner_and_pii_narrow_the_results(CatalogProvider provider)
    {
        var (registrar, store, search) = await Open(provider);
        var word = Unique("w");
        var (first, second) = (Unique("s"), Unique("s"));
        await registrar.RegisterTableAsync(Table("main", first, word + "_a", 0, Column("id", "long", false), Column("mail")) with { Owner = "ana" });
        await registrar.RegisterTableAsync(Table("main", second, word + "_b", 0, Column("id", "long", false)) with { Owner = "bo" });
        await store.SetTagsAsync(new SecurablePath("main", second, word + "_b"), ["Finance"]);
        await store.ClassifyColumnAsync(new SecurablePath("main", first, word + "_a", "mail"), "email", new PiiClassification("email", 0.8, PiiSource.Detected));
        var all = new CatalogSearchQuery(word) { Kind = SecurableKind.Table };

        Assert.Equal(2, (await search.SearchAsync(all)).Count);
        Assert.Equal(word + "_a", Assert.Single(await search.SearchAsync(all with { Schema = first })).Name);
        Assert.Equal(word + "_b", Assert.Single(await search.SearchAsync(all with { Tag = "finance" })).Name);
        Assert.Equal(word + "_b", Assert.Single(await search.SearchAsync(all with { Owner = "BO" })).Name);
        Assert.Equal(word + "_a", Assert.Single(await search.SearchAsync(all with { HasPii = true })).Name);
        Assert.Equal(word + "_b", Assert.Single(await search.SearchAsync(all with { HasPii = false })).Name);
        Assert.Empty(await search.SearchAsync(all with { Owner = "ana", Tag = "finance" }));
    }

    [Theory, CatalogProviders]
    public async Task All_words_of_a_multi_word_query_must_match_and_dropped_tables_disappear(CatalogProvider provider)
    {
        var (registrar, store, search) = await Open(provider);
        var (a, b) = (Unique("w"), Unique("w"));
        var schema = Unique("s");
        await registrar.RegisterTableAsync(Table("main", schema, "both", 0, Column("id", "long", false)));
        await registrar.RegisterTableAsync(Table("main", schema, "one", 0, Column("id", "long", false)));
        await store.SetDescriptionAsync(new SecurablePath("main", schema, "both"), $"{a} and {b}");
        await store.SetDescriptionAsync(new SecurablePath("main", schema, "one"), a);

        Assert.Equal("both", Assert.Single(await search.SearchAsync(new CatalogSearchQuery($"{b} {a}"))).Name);
        await store.DeleteTableAsync(new SecurablePath("main", schema, "both"));
        Assert.Empty(await search.SearchAsync(new CatalogSearchQuery(b)));
    }

    [Theory, CatalogProviders]
    public async Task A_tag_filter_rarer_than_the_words_still_requires_every_word(CatalogProvider provider)
    {
        var (registrar, store, search) = await Open(provider);
        var (a, b, tag) = (Unique("w"), Unique("w"), Unique("tag"));
        var schema = Unique("s");
        foreach (var name in new[] { "t1", "t2", "t3", "t4" })
        {
            await registrar.RegisterTableAsync(Table("main", schema, name, 0, Column("id", "long", false)));
            await store.SetDescriptionAsync(new SecurablePath("main", schema, name), name == "t4" ? a : $"{a} {b}");
        }

        await store.SetTagsAsync(new SecurablePath("main", schema, "t2"), [tag]);
        await store.SetTagsAsync(new SecurablePath("main", schema, "t4"), [tag]);

        var hits = await search.SearchAsync(new CatalogSearchQuery($"{a} {b}") { Tag = tag });

        Assert.Equal(("t2", SearchMatch.Word), (Assert.Single(hits).Name, hits[0].Match));
    }

    [Theory, CatalogProviders]
    public async Task A_limit_out_of_range_is_refused(CatalogProvider provider)
    {
        var (_, _, search) = await Open(provider);
        var error = await Assert.ThrowsAsync<CatalogException>(() => search.SearchAsync(new CatalogSearchQuery("x") { Limit = 0 }));
        Assert.Contains("1 to 500", error.Message);
    }

    private async Task<(ICatalogRegistrar, CatalogStore, CatalogSearch)> Open(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        return (services.GetRequiredService<ICatalogRegistrar>(), services.GetRequiredService<CatalogStore>(),
            services.GetRequiredService<CatalogSearch>());
    }
}
