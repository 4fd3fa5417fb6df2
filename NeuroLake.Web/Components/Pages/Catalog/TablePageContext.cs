using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// What every tab of the table page receives as its <c>Table</c> parameter: the table's name, its catalog entry as
/// loaded when the page opened, and <paramref name="ReloadAsync"/> to call after a change so every tab sees it.
/// </summary>
public sealed record TablePageContext(TableName Name, TableInfo Info, Func<Task> ReloadAsync);
