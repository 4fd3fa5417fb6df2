using System.Text.Json;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>A column reference: <c>column</c> or <c>qualifier.column</c>.</summary>
internal sealed record ColumnRef(string? Qualifier, string Column)
{
    public static ColumnRef Of(JsonElement node)
    {
        var names = node.GetProperty("column_names").EnumerateArray().Select(n => n.GetString() ?? "").ToList();
        return new ColumnRef(names.Count > 1 ? names[^2] : null, names[^1]);
    }
}
