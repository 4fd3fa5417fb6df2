namespace NeuroLake.Engine.Cost;

/// <summary>The days a cost question covers, checked once for every entry point.</summary>
internal static class CostPeriod
{
    /// <exception cref="CostException">The period ends before it starts.</exception>
    public static void Check(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new CostException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}): give the first day, then the last.");
        }
    }
}
