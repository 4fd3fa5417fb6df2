namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// Where managed tables live: <c>&lt;root&gt;/&lt;catalog&gt;/&lt;schema&gt;/&lt;table&gt;</c>. A location exactly three
/// folders below the root, each a valid identifier, is named by those folders; any other location has no managed name.
/// </summary>
public sealed class WarehouseLayout
{
    public WarehouseLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = TableLocation.Normalize(root);
    }

    /// <summary>The warehouse root, normalized (full path, forward slashes, no trailing slash).</summary>
    public string Root { get; }

    /// <summary>The folder of the managed table <paramref name="catalog"/>.<paramref name="schema"/>.<paramref name="table"/>.</summary>
    public string LocationOf(string catalog, string schema, string table) =>
        Path.Combine(Root, Identifier.Require(catalog, "Catalog name"), Identifier.Require(schema, "Schema name"), Identifier.Require(table, "Table name"));

    /// <summary>The managed name of <paramref name="location"/>, or null with <paramref name="reason"/> saying why it has none.</summary>
    public SecurablePath? NameOf(string location, out string reason)
    {
        var normalized = TableLocation.Normalize(location);
        var prefix = Root + "/";
        if (!normalized.StartsWith(prefix, TableLocation.Comparison))
        {
            reason = $"'{location}' is outside the warehouse root '{Root}' and not registered by name";
            return null;
        }

        var parts = normalized[prefix.Length..].Split('/');
        if (parts.Length != 3)
        {
            reason = $"'{location}' is {parts.Length} folder(s) below the warehouse root; managed tables live at <root>/<catalog>/<schema>/<table>";
            return null;
        }

        var invalid = parts.FirstOrDefault(p => !Identifier.IsValid(p));
        if (invalid is not null)
        {
            reason = $"folder '{invalid}' of '{location}' is not a valid catalog identifier (letters, digits, underscores)";
            return null;
        }

        reason = "";
        return SecurablePath.ForTable(parts[0], parts[1], parts[2]);
    }
}
