using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Search;

namespace NeuroLake.Web.Api.Catalog;

/// <summary>One search hit: what it is (Catalog, Schema, Table, Column), its dotted name, and how it matched.</summary>
public sealed record SearchHitJson(string Kind, string QualifiedName, string Name, string Description, string Match)
{
    public static SearchHitJson From(CatalogSearchHit h) => new(h.Kind.ToString(), h.QualifiedName, h.Name, h.Description, h.Match.ToString());
}

/// <summary>The hits the caller may see, best first.</summary>
public sealed record SearchResultJson(IReadOnlyList<SearchHitJson> Hits);

/// <summary>A related table with its score and the reasons, in words.</summary>
public sealed record RecommendationJson(string FullName, double Score, IReadOnlyList<string> Reasons)
{
    public static RecommendationJson From(TableRecommendation r) => new(r.Table.ToString(), r.Score, r.Reasons);
}
