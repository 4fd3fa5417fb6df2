using System.Net;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Backups;

/// <summary>
/// An administrator's script takes a backup set, lists and verifies it, restores a table of it under a new name, and
/// sees a damaged set marked unusable and refused; nobody else may touch backups; no answer names a server folder.
/// </summary>
public sealed class BackupsApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task A_backup_is_listed_verified_usable_and_restores_a_table_under_a_new_name_with_its_rows()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.kept AS SELECT range AS id, 'v' || range AS label FROM range(5)");
        var setId = await BackupAsync();
        await lake.AsAdminAsync("DELETE FROM sales.kept WHERE id < 3");

        var (listStatus, list) = await lake.Admin.GetApiAsync("/api/v1/backups");
        var verified = await lake.Admin.PollOperationAsync((await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/verify", null)).Json);
        var (_, set) = await lake.Admin.GetApiAsync($"/api/v1/backups/{setId}");
        var restore = await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore",
            new { tables = new[] { new { name = "main.sales.kept", restoreAs = "main.sales.kept_restored" } } });
        var restored = await lake.Admin.PollOperationAsync(restore.Json);

        Assert.Equal(HttpStatusCode.OK, listStatus);
        var listed = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == setId);
        Assert.Equal("unverified", listed.GetProperty("state").GetString());
        Assert.Contains(listed.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "main.sales.kept");
        Assert.True(listed.GetProperty("totalBytes").GetInt64() > 0);
        Assert.Equal("Succeeded", verified.GetProperty("status").GetString());
        Assert.True(verified.GetProperty("result").GetProperty("usable").GetBoolean());
        Assert.Equal("usable", set.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Accepted, restore.Status);
        Assert.Equal("Succeeded", restored.GetProperty("status").GetString());
        Assert.Equal("main.sales.kept_restored", restored.GetProperty("result")[0].GetProperty("restoredAs").GetString());
        Assert.Equal(5L, (await lake.RowsAsync("SELECT count(*) FROM sales.kept_restored"))[0][0]);
        Assert.Equal(2L, (await lake.RowsAsync("SELECT count(*) FROM sales.kept"))[0][0]);
        Assert.DoesNotContain(lake.App.DataDirectory, list.GetRawText() + set.GetRawText() + restored.GetRawText());
    }

    [Theory]
    [InlineData("""{"tables": [{"name": "main.sales.nope", "restoreAs": "main.sales.nope2"}]}""", "has no table 'main.sales.nope'")]
    [InlineData("""{"tables": [{"name": "main.sales.orders", "restoreAs": "main.sales.orders"}]}""", "already exists")]
    [InlineData("""{"tables": [{"name": "main.sales.orders", "restoreAs": "main.nowhere.orders"}]}""", "no schema main.nowhere")]
    [InlineData("""{"tables": [{"name": "main.sales.orders", "restoreAs": "orders; DROP TABLE x"}]}""", "is not a table name")]
    [InlineData("""{"tables": []}""", "Name 1 to")]
    public async Task A_bad_restore_is_400_before_anything_runs(string body, string named)
    {
        var setId = await BackupAsync();

        var (status, problem) = await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore", JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, problem.Detail());
    }

    [Fact]
    public async Task An_unknown_set_is_404()
    {
        var (getStatus, _) = await lake.Admin.GetApiAsync("/api/v1/backups/20990101T000000000Z-nothing");
        var (verifyStatus, _) = await lake.Admin.PostApiAsync("/api/v1/backups/20990101T000000000Z-nothing/verify", null);
        var (restoreStatus, problem) = await lake.Admin.PostApiAsync("/api/v1/backups/..%2F..%2Fetc/restore", new { tables = new[] { new { name = "main.sales.orders", restoreAs = "main.sales.o2" } } });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (getStatus, verifyStatus, restoreStatus));
        Assert.Contains("no finished backup set", problem.Detail());
    }

    [Fact]
    public async Task An_analyst_may_not_list_take_verify_or_restore_backups()
    {
        var setId = await BackupAsync();

        var (list, _) = await lake.AnalystClient.GetApiAsync("/api/v1/backups");
        var (take, problem) = await lake.AnalystClient.PostApiAsync("/api/v1/backups", null);
        var (verify, _) = await lake.AnalystClient.PostApiAsync($"/api/v1/backups/{setId}/verify", null);
        var (restore, _) = await lake.AnalystClient.PostApiAsync($"/api/v1/backups/{setId}/restore",
            new { tables = new[] { new { name = "main.hr.salaries", restoreAs = "main.sales.salaries_copy" } } });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [list, take, verify, restore]);
        Assert.Contains("administrators", problem.Detail());
        Assert.Null(await lake.TableAsync("sales", "salaries_copy"));
    }

    [PostgresFact]
    public Task On_PostgreSQL_a_backup_verifies_usable_and_a_merge_and_properties_patch_work() =>
        PostgresCatalogSettings.RunAsync("neurolake_bakapi", async catalog =>
        {
            var postgres = new LakeApiApp(catalog);
            await postgres.InitializeAsync();
            try
            {
                var (merged, _) = await postgres.Admin.PostApiAsync("/api/v1/tables/main.sales.orders/merge", new { keys = new[] { "id" }, rows = new[] { new { id = 1, amount = 7 } } });
                var patched = await postgres.Admin.PatchJsonAsync("/api/v1/tables/main.sales.orders/properties", """{"team": "pg"}""");
                var setId = await TakeBackupAsync(postgres);
                var verified = await postgres.Admin.PollOperationAsync((await postgres.Admin.PostApiAsync($"/api/v1/backups/{setId}/verify", null)).Json);
                var restored = await postgres.Admin.PollOperationAsync((await postgres.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore",
                    new { tables = new[] { new { name = "main.sales.orders", restoreAs = "main.sales.orders_back" } } })).Json);

                Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (merged, patched.Status));
                Assert.True(verified.GetProperty("result").GetProperty("usable").GetBoolean());
                Assert.True(restored.GetProperty("status").GetString() == "Succeeded", restored.GetRawText());
                Assert.Equal([7L], (await postgres.RowsAsync("SELECT amount FROM sales.orders_back WHERE id = 1")).Select(r => Convert.ToInt64(r[0])));
                Assert.Equal("pg", (await postgres.TableAsync("sales", "orders"))!.Properties["team"]);
            }
            finally
            {
                await postgres.DisposeAsync();
            }
        });

    private Task<string> BackupAsync() => TakeBackupAsync(lake);

    /// <summary>Takes a set as the administrator and waits for it; returns its id.</summary>
    internal static async Task<string> TakeBackupAsync(LakeApiApp lake)
    {
        var (status, accepted) = await lake.Admin.PostApiAsync("/api/v1/backups", null);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var done = await lake.Admin.PollOperationAsync(accepted);
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.GetRawText());
        return done.GetProperty("result").GetProperty("setId").GetString()!;
    }
}
