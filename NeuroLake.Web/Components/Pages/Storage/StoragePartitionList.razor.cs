using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>A chosen table's latest version by partition (values as text, null shown as <em>null</em>), or why it cannot be shown.</summary>
public partial class StoragePartitionList
{
    /// <summary>The table's dotted name, shown as text. Required.</summary>
    [Parameter, EditorRequired]
    public string Table { get; set; } = "";

    /// <summary>Its partitions; null while they load (unless <see cref="Error"/> is set).</summary>
    [Parameter]
    public TablePartitions? Partitions { get; set; }

    /// <summary>Why the partitions could not be shown; shown instead of them when set.</summary>
    [Parameter]
    public string? Error { get; set; }

    private static string RowsText(PartitionFootprint? whole) => whole?.Rows is { } rows ? $", {rows:N0} row(s)" : "";
}
