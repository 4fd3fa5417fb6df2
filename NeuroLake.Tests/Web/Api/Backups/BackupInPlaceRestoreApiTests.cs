using System.Net;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Backups;

/// <summary>
/// <c>"mode": "inPlace"</c> on the restore endpoint: the table answers as at backup time, a safety set is listed with
/// its label, and <c>VERSION AS OF</c> the version before the restore still answers with the newer rows.
/// </summary>
public sealed class BackupInPlaceRestoreApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task In_place_restore_brings_back_the_set_rows_and_the_previous_version_still_answers()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.in_place AS SELECT range AS id, 'v' || range AS label FROM range(5)");
        var setId = await BackupsApiTests.TakeBackupAsync(lake);
        await lake.AsAdminAsync("DELETE FROM sales.in_place WHERE id < 3");

        var accepted = await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore", new { mode = "inPlace", tables = new[] { new { name = "main.sales.in_place" } } });
        var done = await lake.Admin.PollOperationAsync(accepted.Json);

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.GetRawText());
        var result = done.GetProperty("result");
        var table = result.GetProperty("tables")[0];
        var previous = table.GetProperty("previousVersion").GetInt64();
        Assert.Equal(previous + 1, table.GetProperty("version").GetInt64());
        Assert.Equal((5L, 10L), await CountAndSumAsync("SELECT count(*), sum(id)::BIGINT FROM sales.in_place"));
        Assert.Equal((2L, 7L), await CountAndSumAsync($"SELECT count(*), sum(id)::BIGINT FROM sales.in_place VERSION AS OF {previous}"));
        var (_, list) = await lake.Admin.GetApiAsync("/api/v1/backups");
        var safety = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == result.GetProperty("safetySetId").GetString());
        Assert.Contains("Safety backup", safety.GetProperty("label").GetString());
        Assert.DoesNotContain(lake.App.DataDirectory, done.GetRawText() + list.GetRawText());
    }

    [Theory]
    [InlineData("""{"mode": "sideways", "tables": [{"name": "main.sales.orders", "restoreAs": "main.sales.o3"}]}""", "\"mode\" is \"newName\"")]
    [InlineData("""{"mode": "inPlace", "tables": [{"name": "main.sales.orders", "restoreAs": "main.sales.o3"}]}""", "leave out \"restoreAs\"")]
    [InlineData("""{"mode": "inPlace", "tables": [{"name": "main.sales.nope"}]}""", "has no table 'main.sales.nope'")]
    public async Task A_bad_in_place_restore_is_400_before_anything_runs(string body, string named)
    {
        var setId = await BackupsApiTests.TakeBackupAsync(lake);
        var setsBefore = (await lake.Admin.GetApiAsync("/api/v1/backups")).Json.GetArrayLength();

        var (status, problem) = await lake.Admin.PostApiAsync($"/api/v1/backups/{setId}/restore", JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, problem.Detail());
        Assert.Equal(setsBefore, (await lake.Admin.GetApiAsync("/api/v1/backups")).Json.GetArrayLength());
    }

    private async Task<(long Count, long Sum)> CountAndSumAsync(string sql)
    {
        var row = (await lake.RowsAsync(sql)).Single();
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]));
    }
}
