using System.Text.Json.Nodes;

namespace NeuroLake.Engine.Catalog.Transfer;

/// <summary>
/// Every row of one catalog table in the provider-neutral export: values keyed by the model's property names and
/// written as the model's CLR types serialize to JSON, so a SQLite export imports into PostgreSQL and back.
/// </summary>
internal sealed record CatalogTableRows(int FormatVersion, string Table, IReadOnlyList<JsonObject> Rows)
{
    /// <summary>Bumped when the row shape changes; an import refuses a newer format it cannot read.</summary>
    public const int CurrentFormatVersion = 1;
}
