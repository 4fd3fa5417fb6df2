using System.Net;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// A script reads and changes a table's Delta properties as ALTER TABLE SET/UNSET TBLPROPERTIES would: the engine's
/// validation, ownership, ETags and If-Match.
/// </summary>
public sealed class TablePropertiesApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Patch_sets_and_removes_properties_and_get_reads_them_with_the_new_etag()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.props_a (id INT) TBLPROPERTIES ('team' = 'ops', 'tier' = 'gold')");

        var before = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_a/properties");
        var patched = await PatchAsync(lake.Admin, "main.sales.props_a", """{"delta.appendOnly": "true", "team": "finance", "tier": null}""");
        var after = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_a/properties");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("ops", before.Json.GetProperty("properties").GetProperty("team").GetString());
        var properties = after.Json.GetProperty("properties");
        Assert.Equal(("true", "finance"), (properties.GetProperty("delta.appendOnly").GetString(), properties.GetProperty("team").GetString()));
        Assert.False(properties.TryGetProperty("tier", out _));
        Assert.Equal(before.Json.GetProperty("version").GetInt64() + 2, after.Json.GetProperty("version").GetInt64());
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(after.ETag, patched.ETag);
        var history = (await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_a/history")).Json.GetProperty("entries");
        Assert.Equal(["UNSET TBLPROPERTIES", "SET TBLPROPERTIES"], history.EnumerateArray().Take(2).Select(e => e.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task Get_answers_304_to_the_current_etag()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.props_e (id INT)");
        var first = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_e/properties");

        var again = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_e/properties", r => r.Headers.TryAddWithoutValidation("If-None-Match", first.ETag));

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [Theory]
    [InlineData("""{"delta.appendOnly": "maybe"}""", "'true' or 'false'")]
    [InlineData("""{"delta.deletedFileRetentionDuration": "soon"}""", "interval")]
    [InlineData("""{"delta.columnMapping.mode": "name"}""", "protocol")]
    [InlineData("""{"team": 3}""", "are strings")]
    [InlineData("""{"team": "ok", "delta.appendOnly": "maybe"}""", "'true' or 'false'")]
    [InlineData("{}", "JSON object of properties")]
    [InlineData("""["team"]""", "JSON object of properties")]
    public async Task Invalid_properties_are_400_naming_the_fix_and_change_nothing(string patch, string named)
    {
        var table = "props_bad_" + Guid.NewGuid().ToString("N")[..8];
        await lake.AsAdminAsync($"CREATE TABLE sales.{table} (id INT) TBLPROPERTIES ('team' = 'ops')");
        var version = (await lake.TableAsync("sales", table))!.CurrentVersion;

        var (status, problem) = await PatchAsync(lake.Admin, $"main.sales.{table}", patch);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, problem.Detail());
        var stored = (await lake.TableAsync("sales", table))!;
        Assert.Equal(version, stored.CurrentVersion);
        Assert.Equal("ops", stored.Properties["team"]);
    }

    [Fact]
    public async Task A_reader_with_modify_who_does_not_own_the_table_gets_403_and_nothing_changes()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.props_m (id INT) TBLPROPERTIES ('team' = 'ops'); GRANT MODIFY ON TABLE sales.props_m TO USER ann");

        var (status, problem) = await PatchAsync(lake.AnalystClient, "main.sales.props_m", """{"team": "mine"}""");
        var (readStatus, read) = await lake.AnalystClient.GetApiAsync("/api/v1/tables/main.sales.props_m/properties");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("owner", problem.Detail(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("ops", read.GetProperty("properties").GetProperty("team").GetString());
    }

    [Fact]
    public async Task A_hidden_table_is_not_found_for_reads_and_patches()
    {
        var (getStatus, _) = await lake.AnalystClient.GetApiAsync("/api/v1/tables/main.hr.salaries/properties");
        var (patchStatus, problem) = await PatchAsync(lake.AnalystClient, "main.hr.salaries", """{"team": "x"}""");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (getStatus, patchStatus));
        Assert.Contains("or you may not read it", problem.Detail());
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.props_s (id INT)");
        var read = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.props_s/properties");
        await lake.AsAdminAsync("INSERT INTO sales.props_s VALUES (1)");

        var (status, _) = await PatchAsync(lake.Admin, "main.sales.props_s", """{"team": "x"}""", read.ETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.False((await lake.TableAsync("sales", "props_s"))!.Properties.ContainsKey("team"));
    }

    [Fact]
    public async Task Keys_and_values_carrying_sql_are_stored_as_text()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.props_i (id INT)");
        const string evil = "x'); DROP TABLE sales.orders; --";

        var (status, _) = await PatchAsync(lake.Admin, "main.sales.props_i", JsonSerializer.Serialize(new Dictionary<string, string> { [evil] = evil }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(evil, (await lake.TableAsync("sales", "props_i"))!.Properties[evil]);
        Assert.NotNull(await lake.TableAsync("sales", "orders"));
    }

    private static Task<ApiAnswer> PatchAsync(HttpClient client, string table, string json, string? ifMatch = null) =>
        client.PatchJsonAsync($"/api/v1/tables/{table}/properties", json, ifMatch);
}
