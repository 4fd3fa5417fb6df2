namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Statements the sandbox refuses (decision 7): they reach files, extensions or DuckDB's configuration.</summary>
internal static partial class StatementClassifier
{
    private const string ExtensionsReason =
        "Extensions are installed and loaded by NeuroLake itself; remove the statement.";
    private const string FilesReason =
        "SQL cannot read or write files outside the warehouse; load files through ingestion and save results with export.";
    private const string ConfigurationReason =
        "DuckDB's configuration is managed by NeuroLake; remove the statement (ask an administrator to change server settings).";
    private const string AttachReason =
        "Other databases cannot be attached; register an existing Delta table with CREATE TABLE schema.table USING DELTA LOCATION '<path>'.";
    private const string SecretReason =
        "Storage credentials are configured in NeuroLake, not in SQL; remove the statement.";

    private static StatementClassification? Forbidden(TokenCursor c)
    {
        var (words, reason) = c.Current!.Value.Text.ToUpperInvariant() switch
        {
            "INSTALL" or "LOAD" => (1, ExtensionsReason),
            "FORCE" when c.IsWord("INSTALL", 1) => (2, ExtensionsReason),
            "UPDATE" when c.IsWord("EXTENSIONS", 1) => (2, ExtensionsReason),
            "ATTACH" or "DETACH" => (1, AttachReason),
            "COPY" => (1, FilesReason),
            "EXPORT" or "IMPORT" => (c.IsWord("DATABASE", 1) ? 2 : 1, FilesReason),
            "SET" or "RESET" when !c.IsWord("VARIABLE", 1) => (1, ConfigurationReason),
            "PRAGMA" => (1, ConfigurationReason),
            "CALL" => (1, "CALL runs DuckDB functions that can reach files and settings outside the warehouse; query tables with SELECT instead."),
            "CHECKPOINT" => (1, "NeuroLake manages DuckDB's storage; remove the statement."),
            "FORCE" when c.IsWord("CHECKPOINT", 1) => (2, "NeuroLake manages DuckDB's storage; remove the statement."),
            "USE" => (1, "Name tables as schema.table instead of switching DuckDB's current database or schema."),
            "CREATE" or "DROP" when IsSecret(c) => (0, SecretReason),
            _ => (-1, ""),
        };
        if (words < 0)
        {
            return null;
        }

        var keyword = words == 0
            ? c.Current!.Value.Text + " SECRET"
            : string.Join(' ', c.Tokens.Skip(c.Position).Take(words).Select(t => t.Text));
        return new StatementClassification(StatementKind.Forbidden)
        {
            RefusedKeyword = keyword.ToUpperInvariant(),
            RefusalReason = reason,
        };
    }

    /// <summary>CREATE [OR REPLACE] [PERSISTENT | TEMPORARY] SECRET, DROP [PERSISTENT | TEMPORARY] SECRET.</summary>
    private static bool IsSecret(TokenCursor c)
    {
        for (var ahead = 1; ahead <= 4 && c.At(ahead) is { Kind: TokenKind.Word } word; ahead++)
        {
            if (word.IsWord("SECRET"))
            {
                return true;
            }

            if (!(word.IsWord("OR") || word.IsWord("REPLACE") || word.IsWord("PERSISTENT") || word.IsWord("TEMPORARY") || word.IsWord("TEMP")))
            {
                return false;
            }
        }

        return false;
    }
}
