using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Recognises the governance statements (which DuckDB does not know) from their leading keywords and reads them.</summary>
internal static class GovernanceStatementParser
{
    private const string GrantForm = "GRANT SELECT[, MODIFY ...] ON CATALOG c | SCHEMA s | TABLE s.t | METASTORE TO [USER|GROUP] name";

    /// <summary>The statement read, or null when it is not a governance statement.</summary>
    /// <exception cref="QueryRefusedException">It is one, written wrongly; the message shows the form.</exception>
    public static GovernanceStatement? TryParse(SqlStatement statement)
    {
        var c = new TokenCursor(statement.Tokens);
        if (c.IsWord("GRANT") || c.IsWord("REVOKE"))
        {
            return Grant(c);
        }

        if (c.IsWord("SHOW") && c.IsWord("GRANTS", 1))
        {
            c.Position += 2;
            return ShowGrants(c);
        }

        return c.IsWord("ALTER") ? Alter(statement, c) : null;
    }

    private static GovernanceStatement Grant(TokenCursor c)
    {
        var grant = c.IsWord("GRANT");
        var form = grant ? GrantForm : GrantForm.Replace("GRANT", "REVOKE", StringComparison.Ordinal).Replace(" TO ", " FROM ", StringComparison.Ordinal);
        c.Position++;
        var privileges = new List<Privilege>();
        var words = new List<string>();
        while (!c.AtEnd && !c.IsWord("ON"))
        {
            if (c.Accept(TokenKind.Comma))
            {
                privileges.Add(Privilege(words, form));
                continue;
            }

            words.Add(c.Current!.Value.Text);
            c.Position++;
        }

        privileges.Add(Privilege(words, form));
        if (!c.Accept("ON"))
        {
            throw Refused("ON and the securable are missing", form);
        }

        var on = Securable(c, form);
        if (!c.Accept(grant ? "TO" : "FROM"))
        {
            throw Refused($"{(grant ? "TO" : "FROM")} and the principal are missing", form);
        }

        var principal = Principal(c, form);
        End(c, form);
        return new GovernanceStatement(grant ? StatementKind.Grant : StatementKind.Revoke) { Privileges = privileges, On = on, Principal = principal };
    }

    private static GovernanceStatement ShowGrants(TokenCursor c)
    {
        const string form = "SHOW GRANTS [ON CATALOG c | SCHEMA s | TABLE s.t | METASTORE] [TO [USER|GROUP] name]";
        var on = c.Accept("ON") ? Securable(c, form) : null;
        var to = c.Accept("TO") ? Principal(c, form) : null;
        End(c, form);
        return new GovernanceStatement(StatementKind.ShowGrants) { On = on, Principal = to };
    }

    private static GovernanceStatement? Alter(SqlStatement statement, TokenCursor c)
    {
        c.Position++;
        var level = c.Current is { } kind ? LevelOf(kind) : null;
        if (level is null or SecurableLevel.Metastore)
        {
            return null;
        }

        c.Position++;
        var name = c.ReadName();
        if (name is null)
        {
            return null;
        }

        if (c.IsWord("OWNER") || (c.IsWord("SET") && c.IsWord("OWNER", 1)))
        {
            const string form = "ALTER CATALOG c | SCHEMA s | TABLE s.t [SET] OWNER TO [USER|GROUP] name";
            c.Accept("SET");
            c.Position++;
            if (!c.Accept("TO"))
            {
                throw Refused("TO and the new owner are missing", form);
            }

            var owner = Principal(c, form);
            End(c, form);
            return new GovernanceStatement(StatementKind.AlterOwner) { On = new SecurableName(level.Value, name), Principal = owner };
        }

        var set = c.IsWord("SET") && c.IsWord("ROW", 1) && c.IsWord("FILTER", 2);
        if (!set && !(c.IsWord("DROP") && c.IsWord("ROW", 1) && c.IsWord("FILTER", 2)))
        {
            return null;
        }

        const string filterForm = "ALTER TABLE s.t SET ROW FILTER <condition on its columns> FOR GROUP g, or ALTER TABLE s.t DROP ROW FILTER FOR GROUP g";
        if (level != SecurableLevel.Table)
        {
            throw Refused("row filters belong to tables", filterForm);
        }

        c.Position += 3;
        var predicateStart = c.Position;
        var forAt = LastFor(c.Tokens, predicateStart);
        if (forAt < 0)
        {
            throw Refused("FOR GROUP and the group are missing", filterForm);
        }

        string? predicate = null;
        if (set)
        {
            if (forAt == predicateStart)
            {
                throw Refused("the condition is missing", filterForm);
            }

            var tokens = c.Tokens;
            predicate = statement.Source[tokens[predicateStart].Span.Offset..tokens[forAt - 1].Span.End];
        }
        else if (forAt != predicateStart)
        {
            throw Refused("DROP ROW FILTER takes no condition", filterForm);
        }

        c.Position = forAt + 1;
        c.Accept("GROUP");
        var group = c.Current is { IsIdentifier: true } g ? g.Value : throw Refused("the group name is missing", filterForm);
        c.Position++;
        End(c, filterForm);
        return new GovernanceStatement(StatementKind.AlterRowFilter) { On = new SecurableName(SecurableLevel.Table, name), Predicate = predicate, Group = group };
    }

    /// <summary>The FOR that ends the condition: the last one outside parentheses.</summary>
    private static int LastFor(IReadOnlyList<SqlToken> tokens, int from)
    {
        var depth = 0;
        var found = -1;
        for (var i = from; i < tokens.Count; i++)
        {
            depth += tokens[i].Kind == TokenKind.LeftParen ? 1 : tokens[i].Kind == TokenKind.RightParen ? -1 : 0;
            if (depth == 0 && tokens[i].IsWord("FOR"))
            {
                found = i;
            }
        }

        return found;
    }

    private static Privilege Privilege(List<string> words, string form)
    {
        var text = string.Join(' ', words);
        words.Clear();
        if (string.Equals(text, "ALL", StringComparison.OrdinalIgnoreCase))
        {
            return Governance.Privilege.AllPrivileges;
        }

        return PrivilegeNames.Parse(text) ?? throw Refused(
            text.Length == 0 ? "a privilege is missing" : $"'{text}' is not a privilege (USE CATALOG, USE SCHEMA, CREATE SCHEMA, CREATE TABLE, SELECT, MODIFY, UNMASK, ALL PRIVILEGES)", form);
    }

    private static SecurableName Securable(TokenCursor c, string form)
    {
        var level = c.Current is { } word ? LevelOf(word) : null;
        if (level == SecurableLevel.Metastore)
        {
            c.Position++;
            return new SecurableName(SecurableLevel.Metastore, null);
        }

        if (level is not null && c.At(1) is { IsIdentifier: true })
        {
            c.Position++;
        }

        var name = c.ReadName() ?? throw Refused("the securable's name is missing", form);
        return new SecurableName(level ?? SecurableLevel.Table, name);
    }

    private static SecurableLevel? LevelOf(SqlToken word) => word.Kind != TokenKind.Word ? null : word.Text.ToUpperInvariant() switch
    {
        "METASTORE" => SecurableLevel.Metastore,
        "CATALOG" => SecurableLevel.Catalog,
        "SCHEMA" or "DATABASE" => SecurableLevel.Schema,
        "TABLE" => SecurableLevel.Table,
        _ => null,
    };

    private static PrincipalName Principal(TokenCursor c, string form)
    {
        PrincipalKind? kind = c.IsWord("USER") && IsName(c.At(1)) ? PrincipalKind.User
            : c.IsWord("GROUP") && IsName(c.At(1)) ? PrincipalKind.Group
            : null;
        if (kind is not null)
        {
            c.Position++;
        }

        if (!IsName(c.Current))
        {
            throw Refused("the principal is missing", form);
        }

        var name = c.Current!.Value.Value;
        c.Position++;
        return new PrincipalName(kind, name);
    }

    /// <summary>Names are identifiers, "quoted" or `quoted`, or 'strings' (user names such as e-mail addresses).</summary>
    private static bool IsName(SqlToken? token) => token is { IsIdentifier: true } or { Kind: TokenKind.String };

    private static void End(TokenCursor c, string form)
    {
        if (!c.AtEnd)
        {
            throw Refused($"'{c.Current!.Value.Text}' at {c.Current.Value.Span} is not expected here", form);
        }
    }

    private static QueryRefusedException Refused(string what, string form) => new($"This statement cannot be read: {what}. Write {form}.");
}
