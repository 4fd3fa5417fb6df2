using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// What every tab of the table page receives as its <c>Table</c> parameter: the table's name, its catalog entry as
/// loaded when the page opened, and <paramref name="ReloadAsync"/> to call after a change so every tab sees it.
/// <paramref name="OwnerOrAdmin"/>: the signed-in user owns the table or administers (sees row filter predicates and the audit log).
/// </summary>
public sealed record TablePageContext(TableName Name, TableInfo Info, Func<Task> ReloadAsync, bool OwnerOrAdmin = false);
