using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Cost;

namespace NeuroLake.Web.Cost;

/// <summary>A cost figure with the price book it was priced with and whether it covers everyone's usage.</summary>
public sealed record CostAnswer<T>(SavedPriceBook Book, bool Everything, T Value)
{
    public string Currency => Book.Prices.Currency;
}

/// <summary>
/// The cost figures the page and the API share, each computed from what <see cref="CostVisibility"/> lets the user see.
/// Days are UTC days, as metering records them.
/// </summary>
public sealed class CostReports(CostAnalysis analysis, PriceBookStore books, CostVisibility visibility, TimeProvider time)
{
    /// <summary>How many days of history a forecast learns from.</summary>
    public const int ForecastHistoryDays = 120;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The price book in force, or null before one is saved.</summary>
    public Task<SavedPriceBook?> PriceBookAsync(CancellationToken ct = default) => books.CurrentAsync(ct);

    /// <exception cref="CostException">No price book is saved yet.</exception>
    public async Task<CostOverview> OverviewAsync(string user, CostRange range, CancellationToken ct = default)
    {
        var (book, scope) = await BookAndScopeAsync(user, ct);
        var current = await analysis.DailyAsync(range.From, range.To, book.Prices, ct, scope);
        var previous = await analysis.DailyAsync(range.Previous.From, range.Previous.To, book.Prices, ct, scope);
        var deployments = await analysis.CompareAsync(range.From, range.To, book.Prices, ct, scope);
        return CostOverview.Of(range, book, scope.IsEverything, current, previous, deployments);
    }

    /// <summary>The daily entries of the range the user may see.</summary>
    public async Task<CostAnswer<CostReport>> DailyAsync(string user, CostRange range, CancellationToken ct = default)
    {
        var (book, scope) = await BookAndScopeAsync(user, ct);
        return new(book, scope.IsEverything, await analysis.DailyAsync(range.From, range.To, book.Prices, ct, scope));
    }

    /// <summary>One table's daily storage and compute over the range, or null when the user may not SELECT it.</summary>
    public async Task<CostAnswer<IReadOnlyList<CostEntry>>?> TableAsync(
        string user, SecurablePath table, CostRange range, CancellationToken ct = default)
    {
        if (!await visibility.CanSeeTableAsync(user, table, ct))
        {
            return null;
        }

        var daily = await DailyAsync(user, range, ct);
        var name = table.TablePath.ToString();
        return new(daily.Book, daily.Everything, daily.Value.Entries.Where(e => e.Dimension == CostDimension.Table && e.Key == name).ToList());
    }

    /// <summary>Daily cost (storage plus compute) for the next <paramref name="days"/> days, from the history up to today.</summary>
    public async Task<CostAnswer<Forecast>> ForecastAsync(string user, int days, CancellationToken ct = default)
    {
        var (book, scope) = await BookAndScopeAsync(user, ct);
        return new(book, scope.IsEverything, await analysis.ForecastAsync(UsageSeries.Cost, Today, ForecastHistoryDays, days, book.Prices, ct, scope));
    }

    public async Task<CostAnswer<IReadOnlyList<DeploymentCost>>> CompareAsync(string user, CostRange range, CancellationToken ct = default)
    {
        var (book, scope) = await BookAndScopeAsync(user, ct);
        return new(book, scope.IsEverything, await analysis.CompareAsync(range.From, range.To, book.Prices, ct, scope));
    }

    /// <summary>The price book in force and whose usage the user's figures cover.</summary>
    internal async Task<(SavedPriceBook, UsageScope)> BookAndScopeAsync(string user, CancellationToken ct)
    {
        var book = await books.CurrentAsync(ct)
            ?? throw new CostException("No price book is saved yet: an administrator saves one in Admin → Settings (start from a preset: AWS, Azure, Google Cloud or MinIO on own hardware).");
        return (book, await visibility.ScopeAsync(user, ct));
    }
}
