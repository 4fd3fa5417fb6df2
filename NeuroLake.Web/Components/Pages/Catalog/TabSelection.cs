using Microsoft.AspNetCore.WebUtilities;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>Which tab of a list is active for a <c>?tab=</c> value, and the link that opens each tab.</summary>
public sealed class TabSelection
{
    /// <summary>The query string key that holds the active tab.</summary>
    public const string QueryKey = "tab";

    public TabSelection(IReadOnlyList<TabDefinition> tabs, string? requested)
    {
        if (tabs.Count == 0)
        {
            throw new ArgumentException("A tab strip needs at least one tab.", nameof(tabs));
        }

        var duplicate = tabs.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two tabs have the id '{duplicate.Key}': give every tab its own id.", nameof(tabs));
        }

        Tabs = tabs;
        Active = tabs.FirstOrDefault(t => string.Equals(t.Id, requested, StringComparison.OrdinalIgnoreCase)) ?? tabs[0];
        IsUnknown = !string.IsNullOrEmpty(requested) && !string.Equals(Active.Id, requested, StringComparison.OrdinalIgnoreCase);
    }

    public IReadOnlyList<TabDefinition> Tabs { get; }

    /// <summary>The requested tab, or the first when none or an unknown one was asked for.</summary>
    public TabDefinition Active { get; }

    /// <summary>True when the URL named a tab that does not exist (the first tab is shown instead).</summary>
    public bool IsUnknown { get; }

    /// <summary>The link to <paramref name="tab"/> under <paramref name="basePath"/>; the first tab needs no query string.</summary>
    public string HrefOf(string basePath, TabDefinition tab) =>
        tab == Tabs[0] ? basePath : QueryHelpers.AddQueryString(basePath, QueryKey, tab.Id);
}
