using System.Globalization;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>The SQL the Maintenance tab runs, built from what was picked (names quoted, numbers invariant).</summary>
public static class MaintenanceStatements
{
    /// <summary>The default retention of VACUUM, as Delta's: 7 days.</summary>
    public const double DefaultRetentionHours = 168;

    public static string Optimize(TableName table, IReadOnlyList<string> zorderBy) =>
        zorderBy.Count == 0
            ? $"OPTIMIZE {table.Sql}"
            : $"OPTIMIZE {table.Sql} ZORDER BY ({string.Join(", ", zorderBy.Select(TableName.Quote))})";

    public static string Vacuum(TableName table, double retainHours, bool dryRun) =>
        $"VACUUM {table.Sql} RETAIN {retainHours.ToString("0.###", CultureInfo.InvariantCulture)} HOURS{(dryRun ? " DRY RUN" : "")}";

    /// <summary>Reads a retention typed in hours; null with <paramref name="error"/> saying what to type when it is not one.</summary>
    public static double? ParseRetention(string? text, out string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && double.IsFinite(hours) && hours >= 0)
        {
            error = null;
            return hours;
        }

        error = $"'{text}' is not a retention: type a number of hours, 0 or more (the default is {DefaultRetentionHours:0}).";
        return null;
    }
}

/// <summary>
/// What VACUUM would delete with a retention (from its dry run): the files listed and their size; <paramref name="More"/>
/// when the dry run found more files than were listed.
/// </summary>
public sealed record VacuumPreview(double RetainHours, IReadOnlyList<(string Path, long Size)> Files, bool More = false)
{
    /// <summary>At most this many files are listed in a preview.</summary>
    public const int ListedFiles = 1000;

    public long Bytes => Files.Sum(f => f.Size);

    /// <summary>E.g. "3 file(s)" or "more than 1,000 files".</summary>
    public string FileCount => More ? $"more than {Files.Count:N0} files" : $"{Files.Count:N0} file(s)";
}

/// <summary>What VACUUM deleted (at least this much when <paramref name="More"/>: the result lists the first files only).</summary>
public sealed record VacuumOutcome(int Files, long Bytes, bool More = false);
