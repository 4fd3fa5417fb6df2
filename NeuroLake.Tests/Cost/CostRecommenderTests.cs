using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Cost.Recommendations;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Metering;
using NeuroLake.Tests.Query.Service;
using static NeuroLake.Tests.Cost.CostFixtures;

namespace NeuroLake.Tests.Cost;

/// <summary>
/// Cost recommendations over real Delta tables written by DuckDB and registered in a real SQLite catalog, with reads
/// and metered statements recorded by hand so every saving is computed here by hand from <see cref="CostFixtures.Prices"/>
/// (disk $0.03/GB-month, $0.10 per core-hour). The clock stands 40 days after the tables were made, so they are old
/// enough to count as unread.
/// </summary>
public sealed class CostRecommenderTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private static readonly TimeSpan Later = TimeSpan.FromDays(40);

    // 36 s of CPU per file opened: 0.01 core-hour, $0.001 a file, so the small-file saving is a round figure.
    private static readonly CostRecommendationOptions Options = new() { Days = 30, MinFilesRemoved = 8, PerFileReadMilliseconds = 36_000, HeavyQueries = 2 };

    private DuckDbDatabase? _duckDb;
    private MeteredWorkStore? _work;

    private IDbContextFactory<CatalogDbContext> Factory => Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow + Later;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        _work = new MeteredWorkStore(Factory);
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.small (id BIGINT, note VARCHAR);
            CREATE TABLE s.churn TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours') AS SELECT range AS id, repeat('x', 200) AS note FROM range(2000);
            DELETE FROM s.churn WHERE id < 10;
            CREATE TABLE s.cold AS SELECT range AS id FROM range(100);
            """);
        for (var i = 0; i < 10; i++)
        {
            await Run($"INSERT INTO s.small VALUES ({i}, 'n{i}')");
        }
    }

    public override async Task DisposeAsync()
    {
        await (_work?.DisposeAsync() ?? ValueTask.CompletedTask);
        _duckDb?.Dispose();
        await base.DisposeAsync();
    }

    private CostRecommender Recommender() => new(
        Factory,
        new TableConditionSurvey(Catalog, _duckDb!, new ZOrderSuggestion(History, _duckDb!), new QueryAdvisorOptions()),
        _work!, Options, new Shifted(Later));

    /// <summary>Three 30-minute statements by ana that read s.small's 10 files (1,000, 2,000 and 3,000 bytes): $0.05 of compute each.</summary>
    private async Task RecordReadsOfSmallAsync(string user = "ana")
    {
        for (var i = 1; i <= 3; i++)
        {
            var scan = new TableScan("main.s.small", i * 1000, 10);
            await _work!.RecordAsync(new MeteredWork(
                Guid.NewGuid(), WorkSource.Statement, WorkloadClass.InteractiveQuery, user, "Query", "Ok", Now.AddDays(-1).AddMinutes(i),
                TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), scan.Bytes, scan.Files, [scan]));
        }

        await new UsageStore(Factory).RecordAccessAsync(user, [SecurablePath.Parse("main.s.small")], [], Now.AddDays(-5));
    }

    [Fact]
    public async Task Each_saving_is_the_hand_computed_figure_with_its_assumption()
    {
        await RecordReadsOfSmallAsync();
        for (var i = 0; i < 3; i++)
        {
            await Run($"SELECT note FROM s.small WHERE id = {i}");
        }

        var found = await Recommender().RecommendAsync(Prices, UsageScope.Everything);
        var byId = found.Items.ToDictionary(i => i.Id);

        Assert.Empty(found.Unexamined);
        // VACUUM: the file the DELETE rewrote, past the table's 0-hour retention: its bytes × $0.03/GB-month.
        var churn = Path.Combine(Warehouse, "main", "s", "churn");
        var detail = (await Rows("DESCRIBE DETAIL s.churn"))[0];
        var vacuumable = TableFiles.Data(churn).Bytes - (long)detail[7]!;
        var vacuum = byId["Vacuum:main.s.churn"];
        Assert.True(vacuumable > 0);
        Assert.Equal((RecommendedAction.Vacuum, vacuumable / (decimal)Gb * 0.03m, 0d), (vacuum.Action, vacuum.MonthlySaving, vacuum.RetainHours));
        Assert.Contains("VACUUM DRY RUN with the table's retention of 0 hours lists 1 file", vacuum.Assumption);
        // OPTIMIZE: 10 one-row files pack into 1, 9 fewer; 3 reads in 30 days = 3 a month; 3 × 9 × $0.001.
        var small = byId["SmallFiles:main.s.small"];
        Assert.Equal((RecommendedAction.Optimize, 0.027m, 0.030m), (small.Action, small.MonthlySaving, small.MonthlyCost));
        Assert.Contains("36000 ms of CPU", small.Assumption);
        // Z-order: three queries filter on id; at most the 3 × $0.05 of compute that read the table.
        var zorder = byId["ZOrder:main.s.small"];
        Assert.Equal(["id"], zorder.ZOrderBy);
        Assert.Equal((0.15m, true), (zorder.MonthlySaving, zorder.SavingIsUpperBound));
        // Unread: s.cold and s.churn were never read; s.small was read 5 days ago. s.cold's saving is its storage.
        var cold = byId["UnreadTable:main.s.cold"];
        Assert.Equal((RecommendedAction.None, TableFiles.Data(Path.Combine(Warehouse, "main", "s", "cold")).Bytes / (decimal)Gb * 0.03m), (cold.Action, cold.MonthlySaving));
        Assert.DoesNotContain("UnreadTable:main.s.small", byId.Keys);
        // The two statements that scanned most: 3,000 then 2,000 bytes, $0.05 each.
        var heavy = found.Items.Where(i => i.Kind == RecommendationKind.HeavyQuery).ToList();
        Assert.Equal([("main.s.small", 0.05m), ("main.s.small", 0.05m)], heavy.Select(h => (h.Table!, h.MonthlySaving)));
        Assert.Contains("scanned 3,000 bytes", heavy[0].Title);
        Assert.Equal(found.Items.OrderByDescending(i => i.MonthlySaving).Select(i => i.MonthlySaving), found.Items.Select(i => i.MonthlySaving));
    }

    [Fact]
    public async Task A_users_scope_keeps_only_tables_they_may_see_and_their_own_statements()
    {
        await RecordReadsOfSmallAsync("ana");
        var bo = new TableScan("main.s.cold", 9_000, 1);
        await _work!.RecordAsync(new MeteredWork(Guid.NewGuid(), WorkSource.Statement, WorkloadClass.InteractiveQuery, "bo", "Query", "Ok", Now.AddDays(-1),
            TimeSpan.FromHours(1), TimeSpan.FromHours(1), bo.Bytes, bo.Files, [bo]));
        var asked = new List<string>();
        var scope = UsageScope.Own("bo", (names, _) =>
        {
            asked.AddRange(names);
            return Task.FromResult<IReadOnlySet<string>>(names.Where(n => n == "main.s.small").ToHashSet());
        });

        var found = await Recommender().RecommendAsync(Prices, scope);

        Assert.All(found.Items, i => Assert.Equal("main.s.small", i.Table));
        Assert.DoesNotContain(found.Items, i => i.Title.Contains("s.cold", StringComparison.Ordinal) || i.Title.Contains("s.churn", StringComparison.Ordinal));
        // ana's reads are not bo's to see: his small-file saving counts none of them.
        Assert.Equal(0m, found.Items.Single(i => i.Kind == RecommendationKind.SmallFiles).MonthlySaving);
        Assert.Contains(" of yours ", found.Items.Single(i => i.Kind == RecommendationKind.SmallFiles).Assumption);
        Assert.DoesNotContain(found.Items, i => i.Kind == RecommendationKind.HeavyQuery);
        Assert.Contains("main.s.cold", asked);
    }

    [Fact]
    public async Task After_VACUUM_and_OPTIMIZE_their_recommendations_are_gone()
    {
        await RecordReadsOfSmallAsync();
        Assert.Contains((await Recommender().RecommendAsync(Prices, UsageScope.Everything)).Items, i => i.Id == "Vacuum:main.s.churn");

        await Run("VACUUM s.churn RETAIN 0 HOURS");
        await Run("OPTIMIZE s.small");
        var after = await Recommender().RecommendAsync(Prices, UsageScope.Everything);

        Assert.DoesNotContain(after.Items, i => i.Id is "Vacuum:main.s.churn" or "SmallFiles:main.s.small");
        Assert.Contains(after.Items, i => i.Id == "UnreadTable:main.s.cold");
    }

    [Fact]
    public async Task One_tables_recommendations_are_only_that_tables()
    {
        var found = await Recommender().RecommendAsync(Prices, UsageScope.Everything, "main.s.churn");

        Assert.Equal(["UnreadTable:main.s.churn", "Vacuum:main.s.churn"], found.Items.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_with_the_setting_to_fix()
    {
        var recommender = new CostRecommender(Factory, new TableConditionSurvey(Catalog, _duckDb!, null, new QueryAdvisorOptions()), _work!,
            new CostRecommendationOptions { Days = 0 }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<CostException>(() => recommender.RecommendAsync(Prices, UsageScope.Everything));

        Assert.Contains("NeuroLake:CostRecommendations", error.Message);
    }

    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }
}
