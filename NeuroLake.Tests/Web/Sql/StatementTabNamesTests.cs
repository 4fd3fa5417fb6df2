using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class StatementTabNamesTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task Result_tabs_say_in_words_what_each_statement_did()
    {
        var schema = "tabs_" + Guid.NewGuid().ToString("N")[..8];
        var results = await app.Services.GetRequiredService<QueryService>().ExecuteAsync(
            $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.t AS SELECT 1 AS x; INSERT INTO {schema}.t VALUES (2); " +
            $"SELECT * FROM {schema}.t; OPTIMIZE {schema}.t; DELETE FROM {schema}.t WHERE x = 1",
            new QueryRequest("tester"));

        Assert.Equal(
            ["1: Create schema", "2: Create table as select", "3: Insert", "4: Select", "5: Optimize", "6: Delete"],
            results.Select(r => StatementKindText.TabTitle(r.Index, r.Kind)));
    }

    [Fact]
    public void Every_statement_kind_has_its_own_words_not_its_identifier()
    {
        var words = Enum.GetValues<StatementKind>().Where(k => k != StatementKind.Unknown).Select(StatementKindText.Describe).ToList();

        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.All(words, w => Assert.Matches(new Regex("^[A-Z][a-z]*( [A-Za-z][a-z]*)*$"), w));
        Assert.DoesNotContain("Statement", words);
    }
}
