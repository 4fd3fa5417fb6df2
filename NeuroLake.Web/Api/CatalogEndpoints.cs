using Microsoft.AspNetCore.Http.HttpResults;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Web.Api.Catalog;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/catalog</c>: what the catalog explorer and the table page show and change. Catalogs the caller may USE,
/// schemas as SHOW SCHEMAS lists them, tables they may SELECT (<see cref="VisibleSecurables"/>; a hidden table answers
/// 404 like a missing one), search and related tables filtered as the explorer filters them, and changes through
/// <see cref="CatalogEdits"/> (the table page's privilege checks and audit). Tables are named <c>catalog.schema.table</c>.
/// </summary>
public static class CatalogEndpoints
{
    private const int MaxTake = 1000;
    private const int MaxRecommendations = 50;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/v1/catalog").WithTags("Catalog").WithApiProblems();
        catalog.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/catalogs", async (VisibleSecurables securables, IWorkbenchUser user, CancellationToken ct) =>
                TypedResults.Ok((await securables.CatalogsAsync(user.Name, ct)).Select(CatalogJson.From).ToList()))
            .WithName("ListCatalogApiCatalogs")
            .WithSummary("Lists the catalogs the caller may use (USE CATALOG), by name.");
        catalog.MapGet("/catalogs/{catalog}/schemas", async Task<Results<Ok<List<SchemaJson>>, ProblemHttpResult>> (
                string catalog, VisibleSecurables securables, IWorkbenchUser user, CancellationToken ct) =>
                await securables.CatalogAsync(user.Name, catalog, ct) is { } found
                    ? TypedResults.Ok((await securables.SchemasAsync(user.Name, found.Path.Catalog, ct)).Select(SchemaJson.From).ToList())
                    : TypedResults.Problem($"There is no catalog {catalog}, or you may not use it. GET /api/v1/catalog/catalogs lists yours.", statusCode: 404, title: "Not found"))
            .WithName("ListCatalogApiSchemas")
            .WithSummary("Lists the schemas of a catalog the caller may use, by name; 404 when the catalog is missing or hidden.");
        catalog.MapGet("/catalogs/{catalog}/schemas/{schema}/tables", ListTablesAsync)
            .WithName("ListCatalogApiTables")
            .WithSummary("One page (?skip=&take=, take 1-1000, default 100) of the tables of a schema the caller may SELECT, by name, with the total.")
            .Produces<TableSummaryPageJson>();
        catalog.MapGet("/tables/{name}", TablesEndpoints.DescribeAsync)
            .WithName("GetCatalogApiTable")
            .WithSummary("A table (catalog.schema.table) with its columns, types, nullability, comments, PII classifications, owner, description, tags, properties and location; ETag, If-None-Match answers 304.")
            .Produces<TableJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalog.MapGet("/search", SearchAsync)
            .WithName("SearchCatalog")
            .WithSummary("Searches names, tags and descriptions (?q=&kind=schema|table|column&schema=&tag=&owner=&pii=yes|no&take=1-500), best first, only what the caller may see.")
            .Produces<SearchResultJson>();
        catalog.MapGet("/tables/{name}/recommendations", async (
                string name, int? take, VisibleSecurables securables, VisibleTables visible, TableRecommender recommender, IWorkbenchUser user, CancellationToken ct) =>
            {
                var count = take ?? 10;
                if (count is < 1 or > MaxRecommendations)
                {
                    throw new BadApiRequestException($"take must be between 1 and {MaxRecommendations}; it was {count}. Omit it for 10.");
                }

                if (await TableRoute.FindAsync(securables, user.Name, name, ct) is not { } table)
                {
                    return TableRoute.NotFound(name);
                }

                // As the table page: ask for a wide list, then keep what the caller may read.
                var related = await visible.RecommendationsAsync(user.Name, await recommender.RecommendAsync(table.Path, MaxRecommendations, ct), ct);
                return Results.Ok(related.Take(count).Select(RecommendationJson.From).ToList());
            })
            .WithName("RecommendCatalogTables")
            .WithSummary("Tables related to this one (lineage, shared columns, usage) that the caller may read, best first (?take=1-50, default 10).")
            .Produces<List<RecommendationJson>>();
        MapEdits(catalog);
        return app;
    }

    private static void MapEdits(RouteGroupBuilder catalog)
    {
        catalog.MapPut("/tables/{name}/description", (string name, DescriptionRequest body, [AsParameters] CatalogEditCall edit) =>
                edit.TableAsync(name, (user, table, ct) => edit.Edits.SetDescriptionAsync(user, table.Path, body.Description ?? "", ct)))
            .WithName("SetTableDescription")
            .WithSummary("Sets the table's description ({\"description\": \"...\"}; empty clears it). Needs MODIFY; audited.")
            .Produces<TableJson>();
        catalog.MapPut("/tables/{name}/tags", (string name, TagsRequest body, [AsParameters] CatalogEditCall edit) =>
                edit.TableAsync(name, (user, table, ct) => edit.Edits.SetTagsAsync(user, table.Path, body.Tags ?? [], ct)))
            .WithName("SetTableTags")
            .WithSummary("Replaces the table's tags ({\"tags\": [\"finance\"]}; [] clears them). Needs MODIFY; audited.")
            .Produces<TableJson>();
        catalog.MapPut("/tables/{name}/owner", (string name, OwnerRequest body, [AsParameters] CatalogEditCall edit) =>
                edit.TableAsync(name, (user, table, ct) => edit.Edits.SetOwnerAsync(user, table.Path, body.Owner ?? "", ct)))
            .WithName("SetTableOwner")
            .WithSummary("Transfers the table to a user or group ({\"owner\": \"ann\"}), as ALTER TABLE ... OWNER TO: its owner or an administrator only; audited.")
            .Produces<TableJson>();
        catalog.MapPut("/tables/{name}/columns/{column}/comment", (string name, string column, ColumnCommentRequest body, [AsParameters] CatalogEditCall edit) =>
                edit.ColumnAsync(name, column, (user, path, ct) => edit.Edits.SetColumnCommentAsync(user, path, body.Comment ?? "", ct)))
            .WithName("SetColumnComment")
            .WithSummary("Sets a column's comment ({\"comment\": \"...\"}; empty clears it). Needs MODIFY; audited.")
            .Produces<TableJson>();
        catalog.MapPut("/tables/{name}/columns/{column}/pii", (string name, string column, PiiRequest body, ColumnClassifier classifier, [AsParameters] CatalogEditCall edit) =>
                edit.ColumnAsync(name, column, (user, path, ct) => classifier.ClassifyAsync(user, path, Kind(body), ct)))
            .WithName("ClassifyColumnPii")
            .WithSummary("Classifies a column as personal data of a known kind ({\"type\": \"email\"}), so it is masked for readers without UNMASK; an unknown kind answers 400 listing the known ones. Owner or administrator; audited.")
            .Produces<TableJson>();
        catalog.MapDelete("/tables/{name}/columns/{column}/pii", (string name, string column, ColumnClassifier classifier, [AsParameters] CatalogEditCall edit) =>
                edit.ColumnAsync(name, column, (user, path, ct) => classifier.ClassifyAsync(user, path, null, ct)))
            .WithName("ClearColumnPii")
            .WithSummary("Clears a column's PII classification (it is no longer masked). Owner or administrator; audited.")
            .Produces<TableJson>();
    }

    private static async Task<IResult> ListTablesAsync(
        string catalog, string schema, int? skip, int? take, VisibleSecurables securables, VisibleTables visible, CatalogStore store,
        IWorkbenchUser user, CancellationToken ct)
    {
        var (from, count) = (skip ?? 0, take ?? 100);
        if (from < 0 || count is < 1 or > MaxTake)
        {
            throw new BadApiRequestException($"skip must be 0 or more and take between 1 and {MaxTake}; they were {from} and {count}. Omit them for the first 100 tables.");
        }

        if (await securables.SchemaAsync(user.Name, catalog, schema, ct) is not { } found)
        {
            return ApiProblems.NotFound($"There is no schema {catalog}.{schema}, or you may not use it. GET /api/v1/catalog/catalogs/{catalog}/schemas lists yours.");
        }

        var names = await visible.FilterAsync(user.Name, await store.ListTablesAsync(found.Path.Catalog, found.Path.Schema!, ct), t => t, ct);
        var page = names.Skip(from).Take(count).ToList();
        var tables = await store.FindTablesAsync(found.Path.Catalog, page.Select(t => (t.Schema!, t.Table!)).ToList(), ct);
        var listed = page.Where(t => tables.ContainsKey((t.Schema!, t.Table!))).Select(t => TableSummaryJson.From(tables[(t.Schema!, t.Table!)])).ToList();
        return Results.Ok(new TableSummaryPageJson(listed, names.Count, from, count));
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? kind, string? schema, string? tag, string? owner, string? pii, int? take,
        CatalogSearch search, VisibleTables visible, IWorkbenchUser user, CancellationToken ct)
    {
        var count = take ?? 50;
        (kind, pii) = (kind?.Trim().ToLowerInvariant(), pii?.Trim().ToLowerInvariant());
        if (count is < 1 or > CatalogSearch.MaxLimit)
        {
            throw new BadApiRequestException($"take must be between 1 and {CatalogSearch.MaxLimit}; it was {count}. Omit it for 50.");
        }

        if (!ExplorerSearch.Kinds.Contains(kind ?? "") || !ExplorerSearch.PiiChoices.Contains(pii ?? ""))
        {
            throw new BadApiRequestException($"kind is one of schema, table, column and pii one of yes, no; they were '{kind}' and '{pii}'. Omit them for any.");
        }

        var wanted = ExplorerSearch.From(q, kind, schema, tag, owner, pii);
        if (!wanted.IsSearch)
        {
            throw new BadApiRequestException("Nothing to search for: give ?q=words, or a filter such as ?tag=finance or ?pii=yes.");
        }

        // As the explorer: visibility is decided after the engine ranks, so ask for its widest page.
        var hits = await visible.SearchHitsAsync(user.Name, await search.SearchAsync(wanted.ToQuery() with { Limit = CatalogSearch.MaxLimit }, ct), ct);
        return Results.Ok(new SearchResultJson(hits.Take(count).Select(SearchHitJson.From).ToList()));
    }

    /// <summary>The kind a request names; checked before the engine is asked, so an unknown kind is a 400 that lists the known ones.</summary>
    private static SemanticType Kind(PiiRequest body) =>
        string.IsNullOrWhiteSpace(body.Type)
            ? throw new BadApiRequestException(
                $"A PII classification needs a type: send {{\"type\": \"email\"}}, one of {string.Join(", ", ColumnClassifier.KnownKinds)}; DELETE the pii resource to clear it.")
            : SemanticTypeNames.TryParse(body.Type, out var kind) ? kind
            : throw new BadApiRequestException(
                $"'{body.Type.Trim()}' is not a kind of personal data NeuroLake knows: give one of {string.Join(", ", ColumnClassifier.KnownKinds)}.");
}
