using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>
/// Cost recommendations from what this installation measured: each registered table the scope may see is examined
/// now (VACUUM's dry run, OPTIMIZE's bin-packing, the Z-order advisor), its reads come from the catalog's usage
/// records, and savings are priced from the scope's metered statements of the look-back days (see
/// <see cref="RecommendationRules"/>). Tables outside the scope are never opened, so no figure comes from them.
/// </summary>
public sealed class CostRecommender
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TableConditionSurvey _survey;
    private readonly MeteredWorkStore _work;
    private readonly CostRecommendationOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<Tiering.TieringPlan>>? _tieringPlan;

    internal CostRecommender(
        IDbContextFactory<CatalogDbContext> factory, TableConditionSurvey survey, MeteredWorkStore work, CostRecommendationOptions options, TimeProvider time,
        Func<CancellationToken, Task<Tiering.TieringPlan>>? tieringPlan = null)
    {
        _tieringPlan = tieringPlan;
        _factory = factory;
        _survey = survey;
        _work = work;
        _options = options;
        _time = time;
    }

    public CostRecommendationOptions Options => _options;

    /// <summary>
    /// The recommendations <paramref name="scope"/> may see, largest saving first; with <paramref name="table"/>
    /// (dotted name), only that table's (and no heavy queries).
    /// </summary>
    /// <exception cref="CostException">The options are out of range.</exception>
    public async Task<CostRecommendations> RecommendAsync(PriceBook prices, UsageScope scope, string? table = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        PriceBookValidation.Validated(prices);
        _options.Validate();
        var now = _time.GetUtcNow();
        var registered = await RegisteredAsync(ct);
        var visible = await scope.VisibleTablesAsync(registered.Select(r => r.Name.ToString()).ToList(), ct);
        var usage = await scope.ApplyAsync([], await _work.ListAsync(now.AddDays(-_options.Days), now.AddSeconds(1), ct), ct);

        var items = new List<CostRecommendation>();
        var unexamined = new List<string>();
        foreach (var r in registered.Where(r => visible.Contains(r.Name.ToString()) && (table is null || string.Equals(r.Name.ToString(), table, StringComparison.OrdinalIgnoreCase))))
        {
            try
            {
                var condition = await _survey.MeasureAsync(r.Name, r.Location, r.CreatedAt, ct);
                items.AddRange(RecommendationRules.ForTable(condition, r.LastRead, usage.Work, scope.IsEverything, prices, _options, now));
            }
            catch (Exception e) when (e is NeuroLakeException or IOException or NotSupportedException or UnauthorizedAccessException)
            {
                // One unreadable table must not cost the others their recommendations.
                unexamined.Add(r.Name.ToString());
            }
        }

        if (scope.IsEverything && _tieringPlan is not null)
        {
            // Tiering moves any table's files, so only an administrator's (everything) scope gets its moves.
            var examined = registered.Select(r => r.Name.ToString())
                .Where(n => (table is null || string.Equals(n, table, StringComparison.OrdinalIgnoreCase)) && !unexamined.Contains(n))
                .ToHashSet(StringComparer.Ordinal);
            items.AddRange(TierMoveRule.ForPlan(await _tieringPlan(ct), examined, prices));
        }

        if (table is null)
        {
            // A user's own statement may have read a table since hidden from them: it is left out, not shown unnamed.
            var shown = usage.Work.Where(w => usage.VisibleTables is null || w.Tables.All(t => usage.VisibleTables.Contains(t.Table))).ToList();
            items.AddRange(RecommendationRules.HeavyQueries(shown, prices, _options));
        }

        return new CostRecommendations(
            [.. items.OrderByDescending(i => i.MonthlySaving)], unexamined); // stable: ties keep table order, heavy queries by bytes
    }

    private async Task<List<Registered>> RegisteredAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var tables = await db.Tables.AsNoTracking()
            .Select(t => new { t.Id, Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name, t.Location, t.CreatedAt })
            .ToListAsync(ct);
        var lastReads = await db.UsageDays.AsNoTracking().Where(u => u.Reads > 0)
            .GroupBy(u => u.TableId).Select(g => new { TableId = g.Key, Last = g.Max(u => u.Day) })
            .ToDictionaryAsync(g => g.TableId, g => g.Last, ct);
        return tables
            .Select(t => new Registered(SecurablePath.ForTable(t.Catalog, t.Schema, t.Name), t.Location, t.CreatedAt, lastReads.TryGetValue(t.Id, out var d) ? d : null))
            .OrderBy(t => t.Name.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Registered(SecurablePath Name, string Location, DateTimeOffset CreatedAt, DateOnly? LastRead);
}
