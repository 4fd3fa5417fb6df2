using System.Net;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Backups;

/// <summary>
/// A set whose stored bytes were damaged verifies unusable, naming the file inside the set, and its restore is refused.
/// A lakehouse of its own: the damage reaches every object of the repository, which other sets would share.
/// </summary>
public sealed class BackupDamageApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task A_damaged_set_verifies_unusable_naming_the_file_and_its_restore_fails_without_server_paths()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.fragile AS SELECT range AS id FROM range(3)");
        var setId = await BackupsApiTests.TakeBackupAsync(lake);
        var objects = Path.Combine(lake.App.DataDirectory, "backups", "objects");
        foreach (var file in Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 0))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[^1] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes);
        }

        var verified = await lake.Admin.PollOperationAsync((await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/verify", null)).Json);
        var (_, set) = await lake.Admin.GetApiAsync($"/api/v1/backups/{setId}");
        var failed = await lake.Admin.PollOperationAsync((await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore",
            new { tables = new[] { new { name = "main.sales.fragile", restoreAs = "main.sales.fragile_back" } } })).Json);

        Assert.False(verified.GetProperty("result").GetProperty("usable").GetBoolean());
        Assert.Contains(verified.GetProperty("result").GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString()!.StartsWith("main.sales.fragile/", StringComparison.Ordinal));
        Assert.Equal("unusable", set.GetProperty("state").GetString());
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains("failed verify", failed.GetProperty("problem").GetProperty("detail").GetString());
        Assert.Null(await lake.TableAsync("sales", "fragile_back"));
        Assert.DoesNotContain(lake.App.DataDirectory, verified.GetRawText() + set.GetRawText() + failed.GetRawText());
    }

}
