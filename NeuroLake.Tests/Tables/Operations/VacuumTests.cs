using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class VacuumTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    private readonly FixedClock _clock = new(DateTimeOffset.UtcNow);

    /// <summary>v0 (day 0) ids 0..9; v1 (day 1) deletes id 1; v2 (day 5) deletes id 2; v3 (day 6) appends 100.</summary>
    private async Task<(DeltaTable Table, DateTimeOffset Day0)> HistoryAsync(IReadOnlyDictionary<string, string>? properties = null)
    {
        var day0 = _clock.Now;
        var table = NewTable(options: new DeltaTableOptions { Clock = _clock });
        await table.CreateAsync(new TableDefinition { Properties = properties ?? new Dictionary<string, string>() }, "SELECT range AS id FROM range(10)");
        _clock.Now = day0.AddDays(1);
        await table.DeleteAsync("id = 1");
        _clock.Now = day0.AddDays(5);
        await table.DeleteAsync("id = 2");
        _clock.Now = day0.AddDays(6);
        await table.AppendAsync("SELECT 100::BIGINT AS id");
        return (table, day0);
    }

    [Fact]
    public async Task Vacuum_keeps_files_needed_by_versions_inside_retention_and_deletes_the_rest()
    {
        var (table, day0) = await HistoryAsync();
        var first = (await table.GetSnapshotAsync(0)).Files.Single().Path;
        _clock.Now = day0.AddDays(9); // cutoff: day 2, so versions 1 (as of the cutoff), 2 and 3 must stay readable

        var result = await table.VacuumAsync();

        Assert.Equal([first], result.Files.Select(f => f.Key));
        Assert.False(File.Exists(Path.Combine(table.Location, first)));
        await AssertRowsAsync(table, "SELECT range AS id FROM range(10) WHERE range <> 1", version: 1);
        await AssertRowsAsync(table, "SELECT range AS id FROM range(10) WHERE range NOT IN (1, 2)", version: 2);
        await AssertRowsAsync(table, "SELECT range AS id FROM range(10) WHERE range NOT IN (1, 2) UNION ALL SELECT 100", version: 3);
        var history = await table.GetHistoryAsync(2);
        Assert.Equal(["VACUUM END", "VACUUM START"], history.Select(h => h.Operation));
        Assert.Equal("1", history[1].Metrics["numFilesToDelete"]);
    }

    [Fact]
    public async Task Vacuum_deletes_old_orphan_files_but_not_young_ones_or_hidden_ones()
    {
        var (table, day0) = await HistoryAsync();
        var old = Path.Combine(table.Location, "part-orphan-old.parquet");
        var young = Path.Combine(table.Location, "part-orphan-young.parquet");
        var hidden = Path.Combine(table.Location, "_staging", "x.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(hidden)!);
        foreach (var file in new[] { old, young, hidden })
        {
            await File.WriteAllTextAsync(file, "crashed writer");
        }

        File.SetLastWriteTimeUtc(young, day0.AddDays(8.5).UtcDateTime);
        _clock.Now = day0.AddDays(9);

        var result = await table.VacuumAsync();

        Assert.Contains("part-orphan-old.parquet", result.Files.Select(f => f.Key));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(young));
        Assert.True(File.Exists(hidden));
    }

    [Fact]
    public async Task Vacuum_dry_run_lists_files_and_bytes_and_deletes_nothing()
    {
        var (table, day0) = await HistoryAsync();
        _clock.Now = day0.AddDays(9);
        var version = (await table.GetSnapshotAsync()).Version;

        var result = await table.VacuumAsync(new VacuumOptions { DryRun = true });

        var file = Assert.Single(result.Files);
        Assert.Equal(new FileInfo(Path.Combine(table.Location, file.Key)).Length, result.Bytes);
        Assert.True(File.Exists(Path.Combine(table.Location, file.Key)));
        Assert.Equal(version, (await Reopen(table).GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Vacuum_refuses_a_retention_shorter_than_the_tables_unless_allowed()
    {
        var (table, day0) = await HistoryAsync();
        _clock.Now = day0.AddDays(6.5);

        var shorter = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.VacuumAsync(new VacuumOptions { RetainHours = 1 }));
        var negative = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.VacuumAsync(new VacuumOptions { RetainHours = -1, AllowShortRetention = true }));
        Assert.Contains("168", shorter.Message, StringComparison.Ordinal);
        Assert.Contains("0 hours or more", negative.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);

        var forced = await table.VacuumAsync(new VacuumOptions { RetainHours = 12, AllowShortRetention = true });

        // Cutoff day 6: files removed on days 1 and 5 go; the latest version still reads.
        Assert.Equal(2, forced.Files.Count);
        await AssertRowsAsync(table, "SELECT range AS id FROM range(10) WHERE range NOT IN (1, 2) UNION ALL SELECT 100");
    }

    [Fact]
    public async Task Vacuum_uses_the_tables_deleted_file_retention_property()
    {
        var (table, day0) = await HistoryAsync(new Dictionary<string, string> { ["delta.deletedFileRetentionDuration"] = "interval 2 days" });
        _clock.Now = day0.AddDays(8); // cutoff day 6: both removed files can go

        var result = await table.VacuumAsync(new VacuumOptions { DryRun = true });

        Assert.Equal(TimeSpan.FromDays(2), result.Retention);
        Assert.Equal(2, result.Files.Count);
    }

    [Fact]
    public async Task Vacuum_on_a_partitioned_table_deletes_old_files_in_partition_folders_and_every_version_in_the_window_reads()
    {
        var day0 = _clock.Now;
        var table = NewTable(options: new DeltaTableOptions { Clock = _clock });
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["grp"] }, Source);
        _clock.Now = day0.AddDays(1);
        await table.DeleteAsync("v > 500");
        _clock.Now = day0.AddDays(6);
        await table.UpdateAsync(new Dictionary<string, string> { ["s"] = "'z'" }, "grp = 2");
        _clock.Now = day0.AddDays(9);

        var result = await table.VacuumAsync();

        Assert.NotEmpty(result.Files);
        Assert.All(result.Files, f => Assert.StartsWith("grp=", f.Key, StringComparison.Ordinal));
        Assert.All(result.Files, f => Assert.False(File.Exists(Path.Combine(table.Location, f.Key))));
        var latest = (await table.GetSnapshotAsync()).Version;
        for (var version = 1L; version <= latest; version++)
        {
            Assert.True(Count(Reopen(table), version) > 0);
        }

        await AssertRowsAsync(table, $"SELECT id, grp, v, CASE WHEN grp = 2 THEN 'z' ELSE s END AS s FROM ({Source}) WHERE NOT coalesce(v > 500, false)");
    }

    [Fact]
    public async Task Vacuum_on_an_empty_table_deletes_only_files_the_log_never_referenced()
    {
        var table = NewTable(options: new DeltaTableOptions { Clock = _clock });
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id WHERE false");
        _clock.Now = _clock.Now.AddDays(30);

        var result = await table.VacuumAsync();

        // CREATE TABLE AS SELECT of no rows may leave an uncommitted empty Parquet file: an orphan VACUUM removes.
        Assert.All(result.Files, f => Assert.DoesNotContain("_delta_log", f.Key, StringComparison.Ordinal));
        Assert.Empty((await table.GetSnapshotAsync()).Files);
        Assert.Equal(0, Count(table));
    }

    [Fact]
    public async Task Vacuum_with_a_window_longer_than_the_tombstone_retention_keeps_files_of_every_version_in_it()
    {
        var day0 = _clock.Now;
        var table = NewTable(options: new DeltaTableOptions { Clock = _clock });
        var properties = new Dictionary<string, string> { ["delta.deletedFileRetentionDuration"] = "interval 1 days", ["delta.checkpointInterval"] = "2" };
        await table.CreateAsync(new TableDefinition { Properties = properties }, "SELECT range AS id FROM range(10)");
        _clock.Now = day0.AddDays(1);
        await table.DeleteAsync("id = 1");
        for (var day = 2; day <= 6; day++)
        {
            _clock.Now = day0.AddDays(day);
            await table.AppendAsync($"SELECT {100 + day}::BIGINT AS id");
        }

        // The checkpoint at day 6 dropped the day-1 tombstone; version 0 is still inside an 8-day window on day 8.5.
        _clock.Now = day0.AddDays(8.5);
        await Reopen(table).VacuumAsync(new VacuumOptions { RetainHours = 8 * 24 });

        await AssertRowsAsync(Reopen(table), "SELECT range AS id FROM range(10)", version: 0);
    }
}
