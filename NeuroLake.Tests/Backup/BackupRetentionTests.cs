using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>Grandfather-father-son retention of backup sets: which survive, that shared objects stay, that a dry run changes nothing.</summary>
public sealed class BackupRetentionTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Retention_keeps_the_latest_and_the_newest_set_of_each_day_week_and_month_it_counts()
    {
        var sets = new[]
        {
            "2026-12-07T10:00", "2026-12-07T08:00", "2026-12-07T06:00", "2026-12-06T23:00", "2026-12-06T12:00",
            "2026-12-05T12:00", "2026-11-20T12:00", "2026-10-15T12:00", "2026-09-01T12:00",
        }.Select(t => (t, DateTimeOffset.Parse(t + "Z", System.Globalization.CultureInfo.InvariantCulture)));

        var kept = GrandfatherFatherSon.Keep(sets, new BackupRetentionPolicy { Latest = 2, Daily = 2, Weekly = 1, Monthly = 2 });

        Assert.Equal(["2026-11-20T12:00", "2026-12-06T23:00", "2026-12-07T08:00", "2026-12-07T10:00"], kept.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("latest", kept["2026-12-07T10:00"]);
        Assert.Equal("daily 2026-12-06", kept["2026-12-06T23:00"]);
        Assert.Equal("monthly 2026-11", kept["2026-11-20T12:00"]);
    }

    [Fact]
    public void A_policy_that_keeps_nothing_or_a_negative_count_is_refused_naming_the_setting()
    {
        var none = Assert.Throws<BackupException>(() => new BackupRetentionPolicy { Latest = 0, Daily = 0, Weekly = 0, Monthly = 0 }.Validate());
        var negative = Assert.Throws<BackupException>(() => new BackupRetentionPolicy { Weekly = -1 }.Validate());

        Assert.Contains("NeuroLake:Backup:Retention:Latest", none.Message, StringComparison.Ordinal);
        Assert.Contains("NeuroLake:Backup:Retention:Weekly", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_go_and_deletes_nothing_and_applying_it_keeps_every_object_a_kept_set_needs()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var clock = new BackupClock(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));
        var backups = lakehouse.Backups(clock);
        var oldest = await backups.BackupAsync(CancellationToken.None);
        for (var day = 1; day <= 3; day++)
        {
            await orders.AppendAsync($"SELECT {8000 + day}::BIGINT AS id, 'day {day}' AS customer, 1.00::DECIMAL(12,2) AS amount");
            clock.Now = clock.Now.AddDays(1);
            await backups.BackupAsync(CancellationToken.None);
        }

        var policy = new BackupRetentionPolicy { Latest = 2, Daily = 0, Weekly = 0, Monthly = 0 };
        var before = RepositoryFiles(lakehouse);
        var dryRun = await backups.ApplyRetentionAsync(policy, dryRun: true, CancellationToken.None);
        var afterDryRun = RepositoryFiles(lakehouse);
        var applied = await backups.ApplyRetentionAsync(policy, dryRun: false, CancellationToken.None);

        Assert.Equal(before, afterDryRun);
        Assert.True(dryRun.DryRun);
        Assert.Equal(2, dryRun.Removed.Count);
        Assert.Contains(dryRun.Removed, s => s.SetId == oldest.SetId && s.TotalBytes == oldest.TotalBytes);
        Assert.True(dryRun.BytesRemoved > 0, "the catalog exports and logs only the removed sets held are freed");
        Assert.Equal((dryRun.ObjectsRemoved, dryRun.BytesRemoved), (applied.ObjectsRemoved, applied.BytesRemoved));
        // The two removed sets were never verified: each leaves its manifest only.
        Assert.Equal(before.Count - applied.ObjectsRemoved - 2, RepositoryFiles(lakehouse).Count);
        var remaining = await backups.ListAsync(CancellationToken.None);
        Assert.Equal(dryRun.Kept.Select(s => s.SetId).Order(), remaining.Select(s => s.SetId).Order());
        foreach (var set in remaining)
        {
            // The first day's data files are shared with every later set: they must still be there.
            Assert.True((await backups.VerifyAsync(set.SetId, CancellationToken.None)).Usable, $"set {set.SetId} lost a file to retention");
        }
    }

    [Fact]
    public async Task A_set_verified_unusable_holds_no_retention_slot()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var clock = new BackupClock(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));
        var backups = lakehouse.Backups(clock);
        var good = await backups.BackupAsync(CancellationToken.None);
        clock.Now = clock.Now.AddHours(1);
        var damaged = await backups.BackupAsync(CancellationToken.None);
        var manifest = await lakehouse.Repository().ReadManifestAsync(damaged.SetId, CancellationToken.None);
        var catalogFile = manifest.CatalogFiles[0];
        var objectPath = Path.Combine(lakehouse.RepositoryFolder, "objects", catalogFile.Sha256[..2], catalogFile.Sha256);
        File.Move(objectPath, objectPath + ".moved");
        Assert.False((await backups.VerifyAsync(damaged.SetId, CancellationToken.None)).Usable);
        File.Move(objectPath + ".moved", objectPath);

        var plan = await backups.ApplyRetentionAsync(new BackupRetentionPolicy { Latest = 1, Daily = 0, Weekly = 0, Monthly = 0 }, dryRun: true, CancellationToken.None);

        Assert.Equal([good.SetId], plan.Kept.Select(s => s.SetId));
        Assert.Equal("removed: verify found it unusable", Assert.Single(plan.Removed).Reason);
    }

    /// <summary>Every file under the repository with its length, to see that nothing changed.</summary>
    private static List<(string Path, long Length)> RepositoryFiles(BackupLakehouse lakehouse) =>
        [.. Directory.EnumerateFiles(lakehouse.RepositoryFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, new FileInfo(f).Length))];
}
