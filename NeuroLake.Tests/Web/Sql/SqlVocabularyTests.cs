using NeuroLake.Engine.DuckDb;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class SqlVocabularyTests
{
    [Fact]
    public void Autocomplete_words_are_duckdbs_keywords_types_and_functions_without_internal_tokens()
    {
        using var database = DuckDbDatabase.Open();

        var words = SqlVocabulary.Of(database);

        Assert.Contains("select", words.Keywords);
        Assert.Contains("qualify", words.Keywords);
        Assert.Contains("hugeint", words.Types);
        Assert.Contains("sum", words.Functions);
        Assert.Contains("list_value", words.Functions);
        var all = words.Keywords.Concat(words.Types).Concat(words.Functions).ToList();
        // CodeMirror's PostgreSQL list offered these; DuckDB's parser knows some as leftovers of PostgreSQL's grammar.
        Assert.DoesNotContain("whitespace", all);
        Assert.DoesNotContain("cobol", all);
        Assert.DoesNotContain("tablespace", all);
        Assert.DoesNotContain("xmlserialize", all);
        Assert.All(all, w => Assert.Matches("^[a-z_][a-z0-9_]*$", w));
        Assert.DoesNotContain(all, w => w.StartsWith("__", StringComparison.Ordinal));
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}
