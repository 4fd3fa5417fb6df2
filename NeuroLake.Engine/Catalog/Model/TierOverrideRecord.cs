namespace NeuroLake.Engine.Catalog.Model;

/// <summary>An administrator's placement override for one table (a row only while it is not the default).</summary>
internal sealed class TierOverrideRecord
{
    public Guid TableId { get; set; }

    /// <summary>A <c>Tiering.TierOverride</c> number.</summary>
    public int Override { get; set; }

    public string SetBy { get; set; } = "";

    public DateTimeOffset SetAt { get; set; }
}
