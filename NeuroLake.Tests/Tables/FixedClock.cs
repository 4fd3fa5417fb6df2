namespace NeuroLake.Tests.Tables;

/// <summary>A clock that stays where it is set, to prove commit timestamps do not depend on the wall clock moving.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
