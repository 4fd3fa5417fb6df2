using NeuroLake.Engine.Catalog.Impact;

namespace NeuroLake.Web.Api.Lineage;

/// <summary>The proposed schema change of an impact query (<c>?change=drop|rename|type|add&amp;column=&amp;newName=&amp;newType=</c>).</summary>
internal static class ProposedChangeQuery
{
    /// <summary>The change, null when none was asked for; <see cref="FormatException"/> saying what to give when it is incomplete.</summary>
    public static ProposedChange? Parse(string? change, string? column, string? newName, string? newType)
    {
        if (string.IsNullOrWhiteSpace(change))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(column))
        {
            throw new FormatException("A proposed change needs the column it changes: add ?column=<name>.");
        }

        return change.Trim().ToLowerInvariant() switch
        {
            "drop" => ProposedChange.DropColumn(column),
            "rename" => ProposedChange.RenameColumn(column, Required(newName, "newName", "the new name")),
            "type" => ProposedChange.ChangeType(column, Required(newType, "newType", "the new Delta type, e.g. long or decimal(10,2)")),
            "add" => ProposedChange.AddColumn(column, Required(newType, "newType", "the new column's Delta type, e.g. string")),
            _ => throw new FormatException($"'{change}' is not a proposed change: use drop, rename, type or add."),
        };
    }

    private static string Required(string? value, string parameter, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"This change needs ?{parameter}= with {what}.") : value.Trim();
}
