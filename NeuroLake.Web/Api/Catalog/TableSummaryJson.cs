using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Api.Catalog;

/// <summary>A table in a schema's listing: its names and what the catalog says about it, without columns.</summary>
public sealed record TableSummaryJson(
    string FullName, string Catalog, string Schema, string Name, string Owner, string Description, IReadOnlyList<string> Tags,
    long CurrentVersion, long SizeBytes, DateTimeOffset UpdatedAt)
{
    public static TableSummaryJson From(TableInfo t) => new(
        t.Path.ToString(), t.Path.Catalog, t.Path.Schema!, t.Path.Table!, t.Owner, t.Description, t.Tags, t.CurrentVersion, t.SizeBytes, t.UpdatedAt);
}

/// <summary>One page of a schema's tables the caller may read, by name; <paramref name="Total"/> counts them all.</summary>
public sealed record TableSummaryPageJson(IReadOnlyList<TableSummaryJson> Tables, int Total, int Skip, int Take);
