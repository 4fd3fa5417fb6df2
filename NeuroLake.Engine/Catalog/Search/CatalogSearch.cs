using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Search;

/// <summary>
/// Ranked search over schemas, tables and columns: exact name, then name prefix, then a word of the name, a tag or the
/// description. Each tier is one lookup on the term index (stopped at the limit), so cost does not grow with the catalog.
/// </summary>
public sealed class CatalogSearch
{
    private const int MaxLimit = 500;
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal CatalogSearch(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    public async Task<IReadOnlyList<CatalogSearchHit>> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Limit is < 1 or > MaxLimit)
        {
            CatalogThrow.Invalid($"Search limit {query.Limit} is out of range: ask for 1 to {MaxLimit} results.");
        }

        var text = SearchTerms.Normalize(query.Text ?? "");
        var words = SearchTerms.Words(text).Distinct().ToList();
        if (text.Length == 0)
        {
            return [];
        }

        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var hits = new Dictionary<Guid, CatalogSearchHit>();
        await AddAsync(hits, Filtered(db, query).Where(d => d.Terms.Any(t => t.Source == TermSource.Name && t.Term == text)),
            SearchMatch.ExactName, query.Limit, cancellationToken);

        if (hits.Count < query.Limit && text.Length < Identifier.MaxLength)
        {
            // Every term that starts with text sorts between text and text + U+FFFF (byte order; PostgreSQL uses collation C).
            var upper = text + '\uffff';
            var prefix = db.SearchTerms.AsNoTracking()
                .Where(t => t.Source == TermSource.Name && string.Compare(t.Term, text) > 0 && string.Compare(t.Term, upper) < 0)
                .OrderBy(t => t.Term)
                .Select(t => t.Document!);
            await AddAsync(hits, Filter(prefix, query), SearchMatch.NamePrefix, query.Limit, cancellationToken);
        }

        if (hits.Count < query.Limit)
        {
            var tagged = Filtered(db, query).Where(d => d.Terms.Any(t => t.Source == TermSource.Tag && t.Term == text));
            await AddAsync(hits, tagged.OrderBy(d => d.Kind).ThenBy(d => d.QualifiedName), SearchMatch.Word, query.Limit, cancellationToken);
        }

        if (hits.Count < query.Limit && words.Count > 0)
        {
            var matching = Filtered(db, query);
            foreach (var word in words)
            {
                matching = matching.Where(d => d.Terms.Any(t => t.Source != TermSource.Name && t.Term == word));
            }

            await AddAsync(hits, matching.OrderBy(d => d.Kind).ThenBy(d => d.QualifiedName), SearchMatch.Word, query.Limit, cancellationToken);
        }

        return hits.Values.OrderBy(h => h.Match).ThenBy(h => h.Kind).ThenBy(h => h.QualifiedName, StringComparer.Ordinal).ToList();
    }

    private static IQueryable<SearchDocumentRecord> Filtered(CatalogDbContext db, CatalogSearchQuery query) =>
        Filter(db.SearchDocuments.AsNoTracking(), query);

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

        if (query.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
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
