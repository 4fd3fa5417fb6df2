using System.Text.Json.Nodes;
using NeuroLake.Engine.Catalog.Transfer;

namespace NeuroLake.Engine.Backup;

/// <summary>A table as the catalog export recorded it: name, location and the Delta version the catalog last saw.</summary>
internal sealed record CatalogTableEntry(string Name, string Location, long Version)
{
    /// <summary>Reads the tables out of the same export the set stores, so set and catalog agree on every version.</summary>
    public static IReadOnlyList<CatalogTableEntry> FromExport(IReadOnlyList<CatalogTableRows> export)
    {
        Dictionary<string, JsonObject> ById(string table) =>
            export.Single(t => t.Table == table).Rows.ToDictionary(r => (string)r["Id"]!, StringComparer.Ordinal);

        var catalogs = ById("catalogs");
        var schemas = ById("schemas");
        return [.. export.Single(t => t.Table == "tables").Rows.Select(row =>
        {
            var schema = schemas[(string)row["SchemaId"]!];
            var catalog = catalogs[(string)schema["CatalogId"]!];
            return new CatalogTableEntry(
                $"{(string)catalog["Name"]!}.{(string)schema["Name"]!}.{(string)row["Name"]!}",
                (string)row["Location"]!,
                (long)row["CurrentVersion"]!);
        }).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }
}
