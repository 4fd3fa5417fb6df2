using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Search;

/// <summary>
/// A search: <see cref="Text"/> is matched against names (exact, then prefix) and words of descriptions and tags.
/// The filters narrow results and combine with AND; null means no filter. Blank text with a filter lists what the
/// filters match, by kind and name; blank text without one finds nothing.
/// </summary>
public sealed record CatalogSearchQuery(string Text)
{
    /// <summary>Only securables in this schema (by name, any catalog).</summary>
    public string? Schema { get; init; }

    /// <summary>Only securables that carry this tag themselves.</summary>
    public string? Tag { get; init; }

    public string? Owner { get; init; }

    /// <summary>True: only PII columns and the tables and schemas that contain them; false: only those without.</summary>
    public bool? HasPii { get; init; }

    /// <summary>Only this kind of securable.</summary>
    public SecurableKind? Kind { get; init; }

    /// <summary>At most this many hits (1–500, default 50).</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>How a hit matched; lower is better.</summary>
public enum SearchMatch
{
    ExactName = 0,
    NamePrefix = 1,

    /// <summary>The whole query is one of the securable's tags.</summary>
    Tag = 2,

    /// <summary>Every word of the query is a word of the name, a tag or the description.</summary>
    Word = 3,

    /// <summary>No text was given: the securable matches the filters only.</summary>
    Filter = 4,
}

/// <summary>One search result.</summary>
public sealed record CatalogSearchHit(
    SecurableKind Kind,
    string QualifiedName,
    string Name,
    string Description,
    SearchMatch Match);
