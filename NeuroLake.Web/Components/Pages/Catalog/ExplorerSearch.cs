using Microsoft.AspNetCore.WebUtilities;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Search;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// The explorer's search as it lives in the URL (<c>catalog?q=orders&amp;kind=table&amp;pii=yes</c>), so a reload or a
/// shared link shows the same results. Empty fields are no filter.
/// </summary>
public sealed class ExplorerSearch
{
    public string Text { get; set; } = "";

    /// <summary>The kind filter's values: any, then one kind.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["", "schema", "table", "column"];

    /// <summary>The personal data filter's values: any, has PII, has none.</summary>
    public static IReadOnlyList<string> PiiChoices { get; } = ["", "yes", "no"];

    /// <summary>"", "schema", "table" or "column".</summary>
    public string Kind { get; set; } = "";

    public string Schema { get; set; } = "";

    public string Tag { get; set; } = "";

    public string Owner { get; set; } = "";

    /// <summary>"", "yes" or "no".</summary>
    public string Pii { get; set; } = "";

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>True when there is something to search for: text, or a filter alone (e.g. every securable with PII).</summary>
    public bool IsSearch => HasText || ToQuery() is { Kind: not null } or { Schema: not null } or { Tag: not null } or { Owner: not null } or { HasPii: not null };

    /// <summary>What the explorer says when nothing matches.</summary>
    public string NothingFound => HasText ? $"Nothing matches '{Text.Trim()}' with these filters." : "Nothing matches these filters.";

    public static ExplorerSearch From(string? text, string? kind, string? schema, string? tag, string? owner, string? pii) => new()
    {
        Text = text ?? "",
        Kind = kind ?? "",
        Schema = schema ?? "",
        Tag = tag ?? "",
        Owner = owner ?? "",
        Pii = pii ?? "",
    };

    /// <summary>The engine's query; unknown kind or PII values are ignored rather than guessed.</summary>
    public CatalogSearchQuery ToQuery() => new(Text.Trim())
    {
        Kind = Kind switch { "schema" => SecurableKind.Schema, "table" => SecurableKind.Table, "column" => SecurableKind.Column, _ => null },
        Schema = NullIfBlank(Schema),
        Tag = NullIfBlank(Tag),
        Owner = NullIfBlank(Owner),
        HasPii = Pii switch { "yes" => true, "no" => false, _ => null },
    };

    /// <summary>The explorer URL holding this search.</summary>
    public string ToHref()
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = NullIfBlank(Text),
            ["kind"] = NullIfBlank(Kind),
            ["schema"] = NullIfBlank(Schema),
            ["tag"] = NullIfBlank(Tag),
            ["owner"] = NullIfBlank(Owner),
            ["pii"] = NullIfBlank(Pii),
        };
        return QueryHelpers.AddQueryString("catalog", query.Where(p => p.Value is not null));
    }

    /// <summary>Where a hit leads: a table's page, a column's table on its Columns tab, or a schema's tables in the explorer.</summary>
    public static string HrefOf(CatalogSearchHit hit)
    {
        var parts = hit.QualifiedName.Split('.');
        return hit.Kind switch
        {
            SecurableKind.Table when parts.Length >= 3 => $"catalog/{parts[1]}/{parts[2]}",
            SecurableKind.Column when parts.Length >= 4 => $"catalog/{parts[1]}/{parts[2]}?tab=columns",
            _ when parts.Length >= 2 => $"catalog?schema={Uri.EscapeDataString(parts[1])}",
            _ => "catalog",
        };
    }

    public static string KindLabel(string? kind) => kind switch
    {
        "schema" => "Schemas",
        "table" => "Tables",
        "column" => "Columns",
        _ => "Any",
    };

    public static string PiiLabel(string? pii) => pii switch
    {
        "yes" => "Has PII",
        "no" => "No PII",
        _ => "Any",
    };

    /// <summary>How a hit matched, in words.</summary>
    public static string Describe(SearchMatch match) => match switch
    {
        SearchMatch.ExactName => "exact name",
        SearchMatch.NamePrefix => "name starts with",
        SearchMatch.Tag => "tag",
        SearchMatch.Filter => "filters",
        _ => "words in name, tags or description",
    };

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
