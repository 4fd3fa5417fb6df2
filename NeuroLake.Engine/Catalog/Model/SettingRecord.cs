namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One overridden run-time setting: its name, its value as JSON, and who set it when.</summary>
internal sealed class SettingRecord
{
    public string Key { get; set; } = "";

    public string ValueJson { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
