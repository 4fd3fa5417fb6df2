using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NeuroLake.Engine.Catalog.Transfer;

/// <summary>The catalog model's tables and columns as export and import walk them.</summary>
internal static class CatalogTables
{
    /// <summary>Entity types ordered so every principal comes before its dependents (foreign keys hold on insert).</summary>
    public static IReadOnlyList<IEntityType> InInsertOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entityType, ordered, visiting);
        }

        return ordered;
    }

    /// <summary>Mapped properties; shadow properties would have no value to export, so the model must not have any.</summary>
    public static IEnumerable<IProperty> Columns(IEntityType entityType) =>
        entityType.GetProperties().Select(p => p.PropertyInfo is null
            ? throw new CatalogException($"Catalog column {entityType.GetTableName()}.{p.Name} has no CLR property; the logical export needs one.")
            : p);

    private static void Visit(IEntityType entityType, List<IEntityType> ordered, HashSet<IEntityType> visiting)
    {
        if (ordered.Contains(entityType) || !visiting.Add(entityType))
        {
            return; // done, or a cycle (self reference): its rows keep their export order
        }

        foreach (var key in entityType.GetForeignKeys())
        {
            Visit(key.PrincipalEntityType, ordered, visiting);
        }

        ordered.Add(entityType);
    }
}
