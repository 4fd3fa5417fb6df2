using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Search;

/// <summary>How names, tags and descriptions become lower-case index terms (and how queries are cut the same way).</summary>
internal static class SearchTerms
{
    private const int MaxDescriptionWords = 64;

    public static string Normalize(string text) => text.Trim().ToLowerInvariant();

    /// <summary>Words of free text: runs of letters and digits, lower-cased, at least two characters.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i - start >= 2)
                {
                    yield return Clip(text[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }
    }

    public static List<SearchTermRecord> For(Guid documentId, SecurableKind kind, string name, IEnumerable<string> tags, string description)
    {
        var terms = new HashSet<(TermSource, string)>();
        var lowerName = Normalize(name);
        terms.Add((TermSource.Name, lowerName));
        foreach (var word in Words(name.Replace('_', ' ')).Where(w => w != lowerName))
        {
            terms.Add((TermSource.NameWord, word));
        }

        foreach (var tag in tags.Select(Normalize).Where(t => t.Length > 0))
        {
            terms.Add((TermSource.Tag, Clip(tag)));
        }

        foreach (var word in Words(description).Distinct().Take(MaxDescriptionWords))
        {
            terms.Add((TermSource.DescriptionWord, word));
        }

        return terms.Select(t => new SearchTermRecord { DocumentId = documentId, Kind = kind, Source = t.Item1, Term = t.Item2 }).ToList();
    }

    private static string Clip(string term) => term.Length <= Identifier.MaxLength ? term : term[..Identifier.MaxLength];
}
