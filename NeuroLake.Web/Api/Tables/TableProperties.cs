using System.Text.Json;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api.Tables;

/// <summary>A table's Delta properties (<c>delta.appendOnly</c>, <c>delta.deletedFileRetentionDuration</c>, your own keys) at its current version.</summary>
public sealed record TablePropertiesJson(IReadOnlyDictionary<string, string> Properties, long Version)
{
    public static TablePropertiesJson From(TableInfo table) => new(table.Properties, table.CurrentVersion);
}

/// <summary>
/// The statements a properties PATCH runs: a JSON merge patch (RFC 7396) where a string sets a property and
/// <c>null</c> removes it, as <c>ALTER TABLE … SET TBLPROPERTIES</c> then <c>… UNSET TBLPROPERTIES</c>, so the
/// engine's validation and ownership check are those of SQL. Keys and values are quoted literals.
/// </summary>
internal static class TablePropertyStatements
{
    public const int MaxProperties = 100;

    /// <summary>The SET statement (when the patch sets anything) and the UNSET statement (when it removes anything).</summary>
    public static IReadOnlyList<string> Of(TableName name, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object || !patch.EnumerateObject().Any())
        {
            throw new BadApiRequestException(
                "Send a JSON object of properties: a string sets one, null removes it, e.g. {\"delta.appendOnly\": \"true\", \"team\": null}.");
        }

        var entries = patch.EnumerateObject().ToList();
        if (entries.Count > MaxProperties)
        {
            throw new BadApiRequestException($"One PATCH changes at most {MaxProperties} properties; this one has {entries.Count}. Send them in several.");
        }

        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new BadApiRequestException("A property key is empty: name each property, e.g. {\"delta.appendOnly\": \"true\"}.");
            }

            if (entry.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw new BadApiRequestException(
                    $"The value of '{entry.Name}' is a JSON {entry.Value.ValueKind.ToString().ToLowerInvariant()}: table properties are strings (\"true\", \"interval 7 days\"), or null to remove one.");
            }
        }

        var set = entries.Where(e => e.Value.ValueKind == JsonValueKind.String)
            .Select(e => $"{SqlLiteral.Text(e.Name)} = {SqlLiteral.Text(e.Value.GetString()!)}").ToList();
        var unset = entries.Where(e => e.Value.ValueKind == JsonValueKind.Null).Select(e => SqlLiteral.Text(e.Name)).ToList();
        var statements = new List<string>(2);
        if (set.Count > 0)
        {
            statements.Add($"ALTER TABLE {name.Sql} SET TBLPROPERTIES ({string.Join(", ", set)})");
        }

        if (unset.Count > 0)
        {
            statements.Add($"ALTER TABLE {name.Sql} UNSET TBLPROPERTIES ({string.Join(", ", unset)})");
        }

        return statements;
    }
}
