namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One lower-case term of a search document and where it came from (an inverted index row).</summary>
internal sealed class SearchTermRecord
{
    public Guid DocumentId { get; set; }

    public SearchDocumentRecord? Document { get; set; }

    public TermSource Source { get; set; }

    /// <summary>The document's kind, copied so one index range yields schemas, tables and columns separately.</summary>
    public SecurableKind Kind { get; set; }

    public string Term { get; set; } = "";
}

/// <summary>Where a search term came from; the order is the ranking order.</summary>
internal enum TermSource
{
    /// <summary>The whole name, lower-cased.</summary>
    Name = 0,

    /// <summary>A word of the name split at underscores.</summary>
    NameWord = 1,

    Tag = 2,

    DescriptionWord = 3,
}
