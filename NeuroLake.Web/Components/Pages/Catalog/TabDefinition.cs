namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// One tab of a page's tabs: <paramref name="Id"/> is its value in the URL (<c>?tab=id</c>),
/// <paramref name="Icon"/> a MudBlazor icon (<c>Icons.Material.*</c>), <paramref name="Component"/>
/// the component rendered when it is active (it receives the page's parameters, see <see cref="TableTabs"/>).
/// </summary>
public sealed record TabDefinition(string Id, string Title, string Icon, Type Component);
