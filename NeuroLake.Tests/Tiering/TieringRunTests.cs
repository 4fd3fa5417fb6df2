using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Tiering;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Tiering;

/// <summary>
/// Tiering runs against the S3 test server (warm and cold are two prefixes of its bucket): old-version files move to
/// the cold tier and every version still answers the same; VACUUM removes placed files and their rows; a table pinned
/// hot keeps (and gets back) its files; a crash between copy and record loses nothing and the next run cleans up.
/// </summary>
public sealed class TieringRunTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly IProgress<JobStep> NoProgress = new Progress<JobStep>();

    [S3Fact]
    public Task Tiering_moves_old_version_files_of_a_local_table_cold_and_time_travel_still_answers() => LocalTableAsync(CatalogProvider.Sqlite);

    [S3AndPostgresFact]
    public Task Tiering_moves_old_version_files_of_a_local_table_cold_and_time_travel_still_answers_on_postgres() => LocalTableAsync(CatalogProvider.Postgres);

    private async Task LocalTableAsync(CatalogProvider provider)
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases, provider: provider);
        await lake.CreateHistoryAsync();
        var before = await lake.AllVersionsAsync();
        var location = await lake.LocationAsync("t");
        var plan = await lake.Tiering.PlanAsync(CancellationToken.None);
        Assert.NotEmpty(plan.Moves);
        Assert.All(plan.Moves, m => Assert.Equal((StorageTier.Hot, StorageTier.Cold), (m.From, m.To)));

        var result = await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        Assert.Equal(plan.Moves.Count, result.Moved);
        Assert.Empty(result.Skipped);
        foreach (var move in plan.Moves)
        {
            Assert.False(File.Exists(Path.Combine(location, move.Key)), $"{move.Key} is still in the table folder");
        }

        Assert.Equal(plan.Moves.Count, (await lake.TierObjectsAsync(StorageTier.Cold, location)).Count);
        Assert.Equal(plan.Moves.Count, await lake.PlacementRowsAsync());
        Assert.Equal(before, await lake.AllVersionsAsync());
        Assert.Empty((await lake.Tiering.PlanAsync(CancellationToken.None)).Moves);
    }

    [S3Fact]
    public async Task A_moved_local_files_original_stays_for_statements_that_resolved_it_and_a_later_run_deletes_it()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(5)); // after the history below is written
        await using var lake = await TieringLakehouse.OpenAsync(databases, keepLocalOriginalsMinutes: 60, time: clock);
        await lake.CreateHistoryAsync();
        var before = await lake.AllVersionsAsync();
        var location = await lake.LocationAsync("t");
        var plan = await lake.Tiering.PlanAsync(CancellationToken.None);
        Assert.NotEmpty(plan.Moves);

        await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        // Placed, so new reads go to the cold tier, but the originals stay for a statement that may be opening one now.
        Assert.Equal(plan.Moves.Count, await lake.PlacementRowsAsync());
        Assert.All(plan.Moves, m => Assert.True(File.Exists(Path.Combine(location, m.Key)), $"{m.Key} went before its readers could finish"));
        Assert.Equal(before, await lake.AllVersionsAsync());

        clock.Now += TimeSpan.FromMinutes(30);
        await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);
        Assert.All(plan.Moves, m => Assert.True(File.Exists(Path.Combine(location, m.Key)), $"{m.Key} went 30 minutes after the move"));

        clock.Now += TimeSpan.FromMinutes(31);
        await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);
        Assert.All(plan.Moves, m => Assert.False(File.Exists(Path.Combine(location, m.Key)), $"{m.Key} is still in the table folder an hour after the move"));
        Assert.Equal(before, await lake.AllVersionsAsync());
    }

    [S3Fact]
    public async Task Tiering_moves_old_version_files_of_an_S3_table_cold_and_time_travel_still_answers()
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases, onS3: true);
        await lake.CreateHistoryAsync();
        var before = await lake.AllVersionsAsync();
        var location = await lake.LocationAsync("t");

        var plan = await lake.Tiering.PlanAsync(CancellationToken.None);
        var result = await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        Assert.NotEmpty(plan.Moves);
        Assert.All(plan.Moves, m => Assert.Equal((StorageTier.Warm, StorageTier.Cold), (m.From, m.To)));
        Assert.Equal(plan.Moves.Count, result.Moved);
        var own = await lake.Stores.Tiers.Resolve(location + "/x").Store.ListAsync(Engine.Storage.S3.S3Location.Parse(location).Prefix + "/");
        Assert.DoesNotContain(own, o => plan.Moves.Any(m => o.Key.EndsWith("/" + m.Key, StringComparison.Ordinal)));
        Assert.Equal(plan.Moves.Count, (await lake.TierObjectsAsync(StorageTier.Cold, location)).Count);
        Assert.Equal(before, await lake.AllVersionsAsync());
    }

    [S3Fact]
    public async Task The_storage_survey_counts_placed_files_in_their_tier()
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases);
        await lake.CreateHistoryAsync();
        var day = new DateOnly(2026, 12, 7);
        var before = Assert.Single((await lake.Survey().MeasureAsync(day)).Tables);
        var result = await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        var after = (await lake.Survey().MeasureAsync(day)).Tables.ToDictionary(t => t.Tier);

        Assert.Equal(StorageTier.Hot, before.Tier);
        Assert.Equal([StorageTier.Hot, StorageTier.Cold], after.Keys.Order());
        Assert.Equal((result.BytesMoved, (long)result.Moved, 0L, 0L), (after[StorageTier.Cold].OlderVersionsBytes, after[StorageTier.Cold].OlderVersionsFiles, after[StorageTier.Cold].CurrentBytes, after[StorageTier.Cold].CurrentFiles));
        Assert.Equal(before.CurrentBytes, after[StorageTier.Hot].CurrentBytes);
        Assert.Equal(before.OlderVersionsBytes - result.BytesMoved, after[StorageTier.Hot].OlderVersionsBytes);
    }

    [S3Fact]
    public async Task Vacuum_after_tiering_deletes_the_placed_files_and_their_rows()
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases);
        await lake.CreateHistoryAsync();
        var location = await lake.LocationAsync("t");
        var latest = await lake.RunAsync("SELECT * FROM s.t ORDER BY id");
        Assert.True((await lake.Tiering.RunAsync(NoProgress, CancellationToken.None)).Moved > 0);

        var vacuumed = await lake.RunAsync("VACUUM s.t RETAIN 0 HOURS");

        Assert.Contains(".parquet", vacuumed);
        Assert.Equal(0, await lake.PlacementRowsAsync());
        Assert.Empty((await lake.Placements.OfAsync(location, CancellationToken.None)).All);
        Assert.Empty(await lake.TierObjectsAsync(StorageTier.Cold, location));
        Assert.Equal(latest, await lake.RunAsync("SELECT * FROM s.t ORDER BY id"));
    }

    [S3Fact]
    public async Task A_table_pinned_hot_is_not_moved_and_pinning_brings_placed_files_back()
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases);
        await lake.CreateHistoryAsync("pinned");
        await lake.CreateHistoryAsync("later");
        var pinnedBefore = await lake.AllVersionsAsync("pinned");
        var laterBefore = await lake.AllVersionsAsync("later");
        Assert.True(await lake.Overrides.SetAsync(SecurablePath.ForTable("main", "s", "pinned"), TierOverride.PinHot, "ana", CancellationToken.None));

        await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        var pinned = await lake.LocationAsync("pinned");
        var later = await lake.LocationAsync("later");
        Assert.Empty(await lake.TierObjectsAsync(StorageTier.Cold, pinned));
        Assert.NotEmpty(await lake.TierObjectsAsync(StorageTier.Cold, later));

        // Pinning a table whose files were moved brings them home on the next run.
        Assert.True(await lake.Overrides.SetAsync(SecurablePath.ForTable("main", "s", "later"), TierOverride.PinHot, "ana", CancellationToken.None));
        var back = await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        Assert.True(back.Moved > 0);
        Assert.Empty(await lake.TierObjectsAsync(StorageTier.Cold, later));
        Assert.Equal(0, await lake.PlacementRowsAsync());
        Assert.Equal(pinnedBefore, await lake.AllVersionsAsync("pinned"));
        Assert.Equal(laterBefore, await lake.AllVersionsAsync("later"));
    }

    [S3Fact]
    public async Task A_crash_after_the_copy_before_the_record_leaves_the_table_intact_and_the_next_run_cleans_up()
    {
        await using var lake = await TieringLakehouse.OpenAsync(databases);
        await lake.CreateHistoryAsync();
        var before = await lake.AllVersionsAsync();
        var location = await lake.LocationAsync("t");
        lake.Tiering.AfterCopy = _ => throw new InvalidOperationException("simulated crash");

        await Assert.ThrowsAsync<InvalidOperationException>(() => lake.Tiering.RunAsync(NoProgress, CancellationToken.None));

        Assert.Single(await lake.TierObjectsAsync(StorageTier.Cold, location));
        Assert.Equal(0, await lake.PlacementRowsAsync());
        Assert.Equal(before, await lake.AllVersionsAsync());

        lake.Tiering.AfterCopy = null;
        var next = await lake.Tiering.RunAsync(NoProgress, CancellationToken.None);

        Assert.Equal(1, next.Cleaned);
        Assert.True(next.Moved > 0);
        Assert.Equal(next.Moved, (await lake.TierObjectsAsync(StorageTier.Cold, location)).Count);
        Assert.Equal(before, await lake.AllVersionsAsync());
    }
}
