using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Settings;

/// <summary>Settings an administrator got wrong; the message lists each problem and how to fix it. Nothing was saved.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : NeuroLakeException(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
