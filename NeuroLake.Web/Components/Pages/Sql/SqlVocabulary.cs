using System.Text.RegularExpressions;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// The words the editor highlights and completes, as DuckDB itself lists them: its keywords, type names and the
/// names of scalar, aggregate and macro functions. Internal names (operators, <c>__internal_…</c>) are left out, and
/// so are the words a generic SQL dialect would add that DuckDB does not know (CodeMirror's PostgreSQL list has
/// "whitespace", "cobol" and "mumps").
/// </summary>
/// <param name="Keywords">Lower-case keywords.</param>
/// <param name="Types">Lower-case type names and their aliases.</param>
/// <param name="Functions">Lower-case function names.</param>
public sealed partial record SqlVocabulary(IReadOnlyList<string> Keywords, IReadOnlyList<string> Types, IReadOnlyList<string> Functions)
{
    private static SqlVocabulary? _cached;

    /// <summary>Reads the words from <paramref name="database"/> once per process: they belong to the libduckdb loaded.</summary>
    public static SqlVocabulary Of(DuckDbDatabase database) => _cached ??= Read(database);

    private static SqlVocabulary Read(DuckDbDatabase database)
    {
        using var connection = database.Connect();
        var keywords = Words(connection, "SELECT keyword_name FROM duckdb_keywords()");
        var types = Words(connection, "SELECT type_name FROM duckdb_types()").Except(keywords).ToList();
        var functions = Words(connection, "SELECT function_name FROM duckdb_functions() WHERE function_type IN ('scalar', 'aggregate', 'macro')")
            .Except(keywords).Except(types).ToList();
        return new SqlVocabulary(keywords, types, functions);
    }

    private static List<string> Words(DuckDbConnection connection, string sql)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = connection.ExecuteReader(sql);
        while (reader.Read())
        {
            if (!reader.IsDBNull(0) && reader.GetString(0).ToLowerInvariant() is var word && Word().IsMatch(word) && !word.StartsWith("__", StringComparison.Ordinal))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Word();
}
