using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Quality;

/// <summary>Quality metrics as a time series per table and column.</summary>
public sealed class QualityStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal QualityStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>Records measurements of one table; all or none are stored (an unknown column or bad value throws).</summary>
    public async Task RecordAsync(SecurablePath table, IReadOnlyList<QualityMeasurement> measurements, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableRow = await CatalogLookup.TableAsync(db, table, cancellationToken);
        var columns = (await db.Columns.Where(c => c.TableId == tableRow.Id).Select(c => c.Name).ToListAsync(cancellationToken))
            .ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        foreach (var m in measurements)
        {
            Validate(table, m, columns);
            db.QualityMeasurements.Add(new QualityMeasurementRecord
            {
                TableId = tableRow.Id,
                ColumnName = m.Column is null ? null : columns[m.Column],
                MeasuredAt = m.MeasuredAt,
                TableVersion = m.TableVersion,
                RowCount = m.RowCount,
                NullPercent = m.NullPercent,
                DistinctCount = m.DistinctCount,
                MinValue = m.Min,
                MaxValue = m.Max,
                FreshnessSeconds = m.Freshness?.TotalSeconds,
                ChecksJson = JsonColumn.Write(m.Checks ?? []),
                Score = m.Score,
                DeductionsJson = m.Deductions is null ? null : JsonColumn.Write(m.Deductions),
                FindingsJson = m.Findings is null ? null : JsonColumn.Write(m.Findings),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Measurements taken in [<paramref name="from"/>, <paramref name="to"/>), oldest first; only one column's when
    /// <paramref name="column"/> is given.
    /// </summary>
    public async Task<IReadOnlyList<QualityMeasurement>> QueryAsync(
        SecurablePath table, DateTimeOffset from, DateTimeOffset to, string? column = null, CancellationToken cancellationToken = default)
    {
        if (from > to)
        {
            CatalogThrow.Invalid($"The window starts ({from:O}) after it ends ({to:O}): swap the bounds.");
        }

        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableId = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        var rows = db.QualityMeasurements.AsNoTracking().Where(m => m.TableId == tableId && m.MeasuredAt >= from && m.MeasuredAt < to);
        if (column is not null)
        {
            rows = rows.Where(m => m.ColumnName == column);
        }

        var list = await rows.ToListAsync(cancellationToken);
        return list.OrderBy(m => m.MeasuredAt).ThenBy(m => m.ColumnName, StringComparer.Ordinal).Select(ToMeasurement).ToList();
    }

    private static QualityMeasurement ToMeasurement(QualityMeasurementRecord m) => new(
        m.ColumnName, m.MeasuredAt, m.TableVersion, m.RowCount, m.NullPercent, m.DistinctCount, m.MinValue, m.MaxValue,
        m.FreshnessSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        JsonColumn.Read<List<QualityCheckResult>>(m.ChecksJson),
        m.Score,
        m.DeductionsJson is null ? null : JsonColumn.Read<List<QualityDeduction>>(m.DeductionsJson),
        m.FindingsJson is null ? null : JsonColumn.Read<List<QualityFinding>>(m.FindingsJson));

    private static void Validate(SecurablePath table, QualityMeasurement m, Dictionary<string, string> columns)
    {
        if (m.Column is not null && !columns.ContainsKey(m.Column))
        {
            CatalogThrow.NotFound("Column", $"{table.TablePath}.{m.Column}");
        }

        if (m.NullPercent is < 0 or > 100 || m.Score is < 0 or > 100 || m.RowCount < 0 || m.DistinctCount < 0 || m.TableVersion < 0 || m.Freshness < TimeSpan.Zero)
        {
            CatalogThrow.Invalid(
                $"A quality measurement of '{table.TablePath}' is out of range: null % and score must be 0–100; counts, version and freshness not negative.");
        }

        if (m.Checks?.Any(c => string.IsNullOrWhiteSpace(c.Name)) == true)
        {
            CatalogThrow.Invalid("A quality check result has no name: name every check.");
        }
    }
}
