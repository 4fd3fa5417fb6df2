using System.Text.RegularExpressions;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// The words the editor highlights and completes, as DuckDB itself lists them: its keywords, type names and the
/// names of scalar, aggregate and macro functions. Left out: internal names (operators, <c>__internal_…</c>) and the
/// tokens DuckDB's parser inherited from PostgreSQL's grammar without a DuckDB statement to use them in
/// ("whitespace" of XMLSERIALIZE, "tablespace", "listen"), which CodeMirror's PostgreSQL word list offered too.
/// </summary>
/// <param name="Keywords">Lower-case keywords.</param>
/// <param name="Types">Lower-case type names and their aliases.</param>
/// <param name="Functions">Lower-case function names.</param>
public sealed partial record SqlVocabulary(IReadOnlyList<string> Keywords, IReadOnlyList<string> Types, IReadOnlyList<string> Functions)
{
    private static readonly HashSet<string> ParserLeftovers = new(StringComparer.Ordinal)
    {
        "whitespace", "standalone", "strip", "document", "content", "oids", "sysid", "stdin", "stdout", "publication",
        "subscription", "listen", "unlisten", "notify", "reassign", "recheck", "replica", "validator", "leakproof",
        "procedural", "tablespace", "policy", "owned", "inherit", "inherits", "cluster", "family", "handler", "wrapper",
        "trusted", "template", "rule", "conversion", "definer", "invoker", "program", "passing", "placing", "overriding",
        "implicit", "assignment", "backward", "forward", "move", "nothing", "nowait", "locked", "lock", "share",
        "security", "server", "mapping", "insensitive", "scroll", "cursor", "hold", "prior", "absolute", "relative",
        "called", "immutable", "stable", "volatile", "strict", "cost", "inline", "encrypted", "unencrypted", "password",
        "privileges", "grant", "granted", "revoke", "role", "admin", "domain", "event", "trigger", "refresh",
        "materialized", "logged", "unlogged", "chain", "characteristics", "isolation", "serializable", "repeatable",
        "committed", "uncommitted", "reindex", "discard", "deferred", "deferrable", "initially", "setof", "treat",
        "inout", "out", "national", "nchar", "dictionary", "statistics", "extension", "extensions", "external", "owner",
        "yes",
    };

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
            if (!reader.IsDBNull(0) && reader.GetString(0).ToLowerInvariant() is var word && Word().IsMatch(word) && !IsLeftover(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    private static bool IsLeftover(string word) =>
        word.StartsWith("__", StringComparison.Ordinal) || word.StartsWith("xml", StringComparison.Ordinal) || ParserLeftovers.Contains(word);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Word();
}
