using System.Globalization;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>
/// Turns measured table conditions, reads and metered statements into recommendations with their savings. Pure:
/// everything in, recommendations out, so each figure can be checked by hand. Compute measured over the look-back
/// days is scaled to a 30-day month; storage is priced per GB-month on this machine's disk (the hot tier).
/// </summary>
internal static class RecommendationRules
{
    private const decimal DaysPerMonth = 30m;

    public static IEnumerable<CostRecommendation> ForTable(
        TableCondition table, DateOnly? lastRead, IReadOnlyList<MeteredWork> work, bool everyone, PriceBook prices, CostRecommendationOptions options, DateTimeOffset now)
    {
        var reads = work.Where(w => w.Tables.Any(t => t.Table == table.Table && t.Files > 0)).ToList();
        return new[]
        {
            Vacuum(table, prices),
            SmallFiles(table, reads.Count, everyone, prices, options),
            ZOrder(table, reads, everyone, prices, options),
            Unread(table, lastRead, prices, options, now),
        }.OfType<CostRecommendation>();
    }

    public static CostRecommendation? Vacuum(TableCondition t, PriceBook prices)
    {
        if (t.VacuumBytes <= 0)
        {
            return null;
        }

        var saving = CostUnits.Gb(t.VacuumBytes) * prices.LocalDiskPerGbMonth;
        var hours = t.RetainHours.ToString("0.###", CultureInfo.InvariantCulture);
        return new CostRecommendation(
            CostRecommendation.IdOf(RecommendationKind.Vacuum, t.Table), RecommendationKind.Vacuum, t.Table,
            $"VACUUM {t.Table}: {Count(t.VacuumFiles, "file")} ({Bytes(t.VacuumBytes)}) that no version inside its {hours}-hour retention needs",
            saving, saving, false,
            $"VACUUM DRY RUN with the table's retention of {hours} hours lists {Count(t.VacuumFiles, "file")} of {Bytes(t.VacuumBytes)}; "
            + $"at {Money(prices.LocalDiskPerGbMonth, prices)}/GB-month on this machine's disk (the hot tier, where tables are kept today; a GB is 2^30 bytes) {CostUnits.Book(prices)}, "
            + $"deleting them saves {Money(saving, prices)} a month.",
            RecommendedAction.Vacuum, [], t.RetainHours);
    }

    public static CostRecommendation? SmallFiles(TableCondition t, int scans, bool everyone, PriceBook prices, CostRecommendationOptions options)
    {
        if (t.FilesRemovedByOptimize < options.MinFilesRemoved)
        {
            return null;
        }

        var scansPerMonth = scans * DaysPerMonth / options.Days;
        var perFile = (decimal)options.PerFileReadMilliseconds / 3_600_000m * prices.LocalCoreHour;
        var saving = scansPerMonth * t.FilesRemovedByOptimize * perFile;
        var ms = options.PerFileReadMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new CostRecommendation(
            CostRecommendation.IdOf(RecommendationKind.SmallFiles, t.Table), RecommendationKind.SmallFiles, t.Table,
            $"OPTIMIZE {t.Table}: {t.SmallFiles} of its {t.Files} files are under the {Bytes(t.TargetFileSize)} target size; bin-packing merges them into {t.FilesAfterOptimize}",
            scansPerMonth * t.Files * perFile, saving, false,
            $"{Count(scans, "metered statement")}{Whose(everyone)} read the table in the last {options.Days} days ({CostUnits.Number(scansPerMonth)} a month of 30 days), each opening every file of the version it read; "
            + $"each file opened is assumed to cost {ms} ms of CPU (NeuroLake:CostRecommendations:PerFileReadMilliseconds) at {Money(prices.LocalCoreHour, prices)} per core-hour {CostUnits.Book(prices)}, "
            + $"so {t.FilesRemovedByOptimize} fewer files save {Money(saving, prices)} a month. Files are read from this machine's disk, so no request charge is counted "
            + $"(from object storage each file would add at least one GET at {Money(prices.GetPer1000, prices)} per 1,000). OPTIMIZE does not shrink storage: the merged files stay until VACUUM removes them after the retention.",
            RecommendedAction.Optimize, []);
    }

    public static CostRecommendation? ZOrder(TableCondition t, IReadOnlyList<MeteredWork> reads, bool everyone, PriceBook prices, CostRecommendationOptions options)
    {
        if (t.ZOrder.Count == 0)
        {
            return null;
        }

        var compute = reads.Sum(w => CostModel.ExecutionCost(w, prices) * CostModel.Shares(w).Where(s => s.Table == t.Table).Sum(s => s.Share));
        var monthly = compute * DaysPerMonth / options.Days;
        var columns = string.Join(", ", t.ZOrder.Select(c => c.Column));
        return new CostRecommendation(
            CostRecommendation.IdOf(RecommendationKind.ZOrder, t.Table), RecommendationKind.ZOrder, t.Table,
            $"OPTIMIZE {t.Table} ZORDER BY ({columns}): recent queries filter most on {string.Join(", ", t.ZOrder.Select(c => $"{c.Column} ({Count(c.Queries, "query", "queries")})"))} and its files are not clustered by them",
            monthly, monthly, true,
            $"At most the compute of the {Count(reads.Count, "metered statement")}{Whose(everyone)} that read the table in the last {options.Days} days ({Money(compute, prices)}; {Money(monthly, prices)} a month of 30 days): "
            + $"each statement's CPU time at {Money(prices.LocalCoreHour, prices)} per core-hour {CostUnits.Book(prices)}, shared over the tables it read by bytes. "
            + $"Clustering lets queries that filter on {columns} skip files; how many depends on how selective the filters are, which cannot be measured before.",
            RecommendedAction.Optimize, [.. t.ZOrder.Select(c => c.Column)]);
    }

    public static CostRecommendation? Unread(TableCondition t, DateOnly? lastRead, PriceBook prices, CostRecommendationOptions options, DateTimeOffset now)
    {
        var firstDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - options.Days);
        if (t.RegisteredAt > now.AddDays(-options.Days) || lastRead >= firstDay)
        {
            return null;
        }

        var cost = CostUnits.Gb(t.DiskBytes) * prices.LocalDiskPerGbMonth;
        var since = lastRead is { } day ? $"last read on {day:yyyy-MM-dd}" : "no read recorded since it was registered";
        return new CostRecommendation(
            CostRecommendation.IdOf(RecommendationKind.UnreadTable, t.Table), RecommendationKind.UnreadTable, t.Table,
            $"{t.Table} was not read in the last {options.Days} days ({since})",
            cost, cost, false,
            $"Its {Bytes(t.DiskBytes)} on this machine's disk at {Money(prices.LocalDiskPerGbMonth, prices)}/GB-month {CostUnits.Book(prices)} cost {Money(cost, prices)} a month, which dropping it saves "
            + "(archiving it to a colder tier saves part of it). Reads are the catalog's usage records of every user's statements. Nothing is done automatically: open the table and decide.",
            RecommendedAction.None, []);
    }

    /// <summary>The statements of <paramref name="work"/> that scanned the most bytes, each with its compute cost.</summary>
    public static IEnumerable<CostRecommendation> HeavyQueries(IReadOnlyList<MeteredWork> work, PriceBook prices, CostRecommendationOptions options) =>
        work.Where(w => w.Source == WorkSource.Statement && w.BytesScanned > 0)
            .OrderByDescending(w => w.BytesScanned).ThenBy(w => w.StartedAt).Take(options.HeavyQueries)
            .Select(w =>
            {
                var cost = CostModel.ExecutionCost(w, prices);
                var tables = w.Tables.Where(t => t.Bytes > 0).Select(t => t.Table).ToList();
                return new CostRecommendation(
                    CostRecommendation.IdOf(RecommendationKind.HeavyQuery, w.Id.ToString("N")), RecommendationKind.HeavyQuery, tables.FirstOrDefault(),
                    $"A {w.Kind} statement by {w.User} at {w.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC scanned {Bytes(w.BytesScanned)} of {string.Join(", ", tables)}",
                    cost, cost, true,
                    $"Its measured CPU time of {w.Cpu.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s at {Money(prices.LocalCoreHour, prices)} per core-hour {CostUnits.Book(prices)}, for one run: "
                    + "at most what scanning less (a partition filter, fewer columns, a smaller table) saves each time it runs. The bytes are the data files of the table versions it read, "
                    + "an upper bound since DuckDB's pruning inside them is not seen.",
                    RecommendedAction.None, []);
            });

    // A user who is not an administrator is priced only their own statements, as everywhere on the Cost page.
    private static string Whose(bool everyone) => everyone ? "" : " of yours";

    private static string Money(decimal amount, PriceBook prices) => CostUnits.Money(amount, prices);

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    private static string Count(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");
}
