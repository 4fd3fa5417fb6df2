using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Search;

/// <summary>
/// Ranked search over schemas, tables and columns: exact name, then name prefix, then a tag or every word of the query
/// in a name, tag or description. Each tier and kind is one range of the term index read up to the limit, so a search
/// costs the same on a catalog of a hundred tables or of ten thousand.
/// </summary>
public sealed class CatalogSearch
{
    /// <summary>The most hits one search returns; a caller filtering hits afterwards asks for this many.</summary>
    public const int MaxLimit = 500;
    private const int ProbeCap = 2000;
    private static readonly SecurableKind[] Kinds = [SecurableKind.Schema, SecurableKind.Table, SecurableKind.Column];
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal CatalogSearch(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    public async Task<IReadOnlyList<CatalogSearchHit>> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Limit is < 1 or > MaxLimit)
        {
            CatalogThrow.Invalid($"Search limit {query.Limit} is out of range: ask for 1 to {MaxLimit} results.");
        }

        var text = SearchTerms.Normalize(query.Text ?? "");
        if (text.Length == 0)
        {
            return HasFilter(query) ? await FilteredAsync(query, cancellationToken) : [];
        }

        var words = SearchTerms.Words(text).Distinct().ToList();
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var hits = new Dictionary<Guid, CatalogSearchHit>();
        var tag = query.Tag is { } wanted ? SearchTerms.Normalize(wanted) : null;
        foreach (var match in Enum.GetValues<SearchMatch>())
        {
            foreach (var kind in query.Kind is { } only ? [only] : Kinds)
            {
                if (hits.Count >= query.Limit)
                {
                    break;
                }

                if (await TierAsync(db, match, kind, text, words, tag, cancellationToken) is { } terms)
                {
                    await AddAsync(hits, Filter(terms.Select(t => t.Document!), query), match, query.Limit, cancellationToken);
                }
            }
        }

        return hits.Values.OrderBy(h => h.Match).ThenBy(h => h.Kind).ThenBy(h => h.QualifiedName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The index range that answers one tier for one kind; null when the tier cannot match. Word tiers (and a tag filter)
    /// start from their rarest term, found by capped counts, so a common word never drives a scan that a rare one can cut short.
    /// </summary>
    private static async Task<IQueryable<SearchTermRecord>?> TierAsync(
        CatalogDbContext db, SearchMatch match, SecurableKind kind, string text, List<string> words, string? tag, CancellationToken ct)
    {
        var tagCount = tag is null ? int.MaxValue : await ProbeAsync(db, kind, tag, TermSource.Tag, ct);
        if (tagCount == 0)
        {
            return null;
        }

        var terms = db.SearchTerms.AsNoTracking();
        switch (match)
        {
            case SearchMatch.ExactName:
                return terms.Where(t => t.Source == TermSource.Name && t.Kind == kind && t.Term == text);
            case SearchMatch.NamePrefix:
                if (text.Length >= Identifier.MaxLength)
                {
                    return null;
                }

                // Every term that starts with text sorts between text and text + U+FFFF (byte order; PostgreSQL uses collation C).
                var upper = text + '\uffff';
                return terms
                    .Where(t => t.Source == TermSource.Name && t.Kind == kind && string.Compare(t.Term, text) > 0 && string.Compare(t.Term, upper) < 0)
                    .OrderBy(t => t.Term);
            case SearchMatch.Tag:
                return terms.Where(t => t.Source == TermSource.Tag && t.Kind == kind && t.Term == text);
            default:
                if (words.Count == 0)
                {
                    return null;
                }

                var counts = new List<(string Word, int Count)>();
                foreach (var word in words)
                {
                    var count = await ProbeAsync(db, kind, word, source: null, ct);
                    if (count == 0)
                    {
                        return null;
                    }

                    counts.Add((word, count));
                }

                var ordered = counts.OrderBy(c => c.Count).Select(c => c.Word).ToList();
                IQueryable<SearchTermRecord> matching;
                if (tagCount < counts.Min(c => c.Count))
                {
                    // The tag filter is rarer than any word: walk the tagged securables and check every word.
                    matching = terms.Where(t => t.Source == TermSource.Tag && t.Kind == kind && t.Term == tag);
                }
                else
                {
                    var first = ordered[0];
                    matching = terms.Where(t => t.Term == first && t.Kind == kind && t.Source != TermSource.Name);
                    ordered.RemoveAt(0);
                }

                foreach (var word in ordered)
                {
                    // Equalities, not "<> Name", so each check is point lookups on the (document, source, term) key.
                    matching = matching.Where(t => t.Document!.Terms.Any(o =>
                        (o.Source == TermSource.NameWord || o.Source == TermSource.Tag || o.Source == TermSource.DescriptionWord) && o.Term == word));
                }

                return matching;
        }
    }

    /// <summary>How many terms of this kind equal <paramref name="term"/> (any source but the whole name when null), capped.</summary>
    private static Task<int> ProbeAsync(CatalogDbContext db, SecurableKind kind, string term, TermSource? source, CancellationToken ct)
    {
        var terms = db.SearchTerms.AsNoTracking().Where(t => t.Term == term && t.Kind == kind);
        terms = source is { } only ? terms.Where(t => t.Source == only) : terms.Where(t => t.Source != TermSource.Name);
        return terms.Take(ProbeCap).CountAsync(ct);
    }

    private static bool HasFilter(CatalogSearchQuery query) =>
        query.Schema is not null || query.Tag is not null || query.Owner is not null || query.HasPii is not null || query.Kind is not null;

    /// <summary>No text, only filters (e.g. "every PII column"): the matching securables by kind and name.</summary>
    private async Task<IReadOnlyList<CatalogSearchHit>> FilteredAsync(CatalogSearchQuery query, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var documents = Filter(db.SearchDocuments.AsNoTracking(), query);
        if (query.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        var found = await documents
            .OrderBy(d => d.Kind).ThenBy(d => d.QualifiedName)
            .Select(d => new { d.Kind, d.QualifiedName, d.Name, d.Description })
            .Take(query.Limit)
            .ToListAsync(ct);
        return found.Select(d => new CatalogSearchHit(d.Kind, d.QualifiedName, d.Name, d.Description, SearchMatch.Filter)).ToList();
    }

    private static IQueryable<SearchDocumentRecord> Filter(IQueryable<SearchDocumentRecord> documents, CatalogSearchQuery query)
    {
        if (query.Schema is { } schema)
        {
            var lower = SearchTerms.Normalize(schema);
            documents = documents.Where(d => d.SchemaNameLower == lower);
        }

        if (query.Owner is { } owner)
        {
            var lower = SearchTerms.Normalize(owner);
            documents = documents.Where(d => d.OwnerLower == lower);
        }

        if (query.Tag is { } tag)
        {
            var lower = SearchTerms.Normalize(tag);
            documents = documents.Where(d => d.Terms.Any(t => t.Source == TermSource.Tag && t.Term == lower));
        }

        if (query.HasPii is { } hasPii)
        {
            documents = documents.Where(d => d.HasPii == hasPii);
        }

        return documents;
    }

    private static async Task AddAsync(
        Dictionary<Guid, CatalogSearchHit> hits, IQueryable<SearchDocumentRecord> documents, SearchMatch match, int limit, CancellationToken ct)
    {
        var found = await documents
            .Select(d => new { d.Id, d.Kind, d.QualifiedName, d.Name, d.Description })
            .Take(limit + hits.Count)
            .ToListAsync(ct);
        foreach (var d in found)
        {
            if (hits.Count < limit)
            {
                hits.TryAdd(d.Id, new CatalogSearchHit(d.Kind, d.QualifiedName, d.Name, d.Description, match));
            }
        }
    }
}
