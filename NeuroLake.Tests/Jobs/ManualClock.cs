namespace NeuroLake.Tests.Jobs;

/// <summary>A clock that moves only when told, so history tests can place runs days apart.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
