namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>Checks a registration before anything is written, so bad input changes nothing.</summary>
internal static class RegistrationValidator
{
    public static void Validate(TableRegistration table)
    {
        Identifier.Require(table.Catalog, "Catalog name");
        Identifier.Require(table.Schema, "Schema name");
        Identifier.Require(table.Name, "Table name");
        if (string.IsNullOrWhiteSpace(table.Location) || table.Location.Length > 2048)
        {
            CatalogThrow.Invalid($"Table '{table.Name}' has no location (or one over 2048 characters): give the folder or URI of the Delta table.");
        }

        if (table.Version < 0 || table.SizeBytes < 0 || table.FileCount < 0)
        {
            CatalogThrow.Invalid($"Table '{table.Name}': version, size and file count cannot be negative.");
        }

        if (table.Columns.Count == 0)
        {
            CatalogThrow.Invalid($"Table '{table.Name}' has no columns: a Delta table's schema has at least one field.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in table.Columns)
        {
            Identifier.Require(column.Name, $"Column name in table '{table.Name}'");
            if (string.IsNullOrWhiteSpace(column.Type))
            {
                CatalogThrow.Invalid($"Column '{column.Name}' of table '{table.Name}' has no type: give a Delta type name such as string or long.");
            }

            if (!seen.Add(column.Name))
            {
                CatalogThrow.Invalid($"Column '{column.Name}' appears twice in table '{table.Name}' (names ignore case): rename one of them.");
            }
        }

        foreach (var partition in table.PartitionColumns ?? [])
        {
            if (!seen.Contains(partition))
            {
                CatalogThrow.Invalid($"Partition column '{partition}' is not a column of table '{table.Name}': partition by one of its columns.");
            }
        }
    }
}
