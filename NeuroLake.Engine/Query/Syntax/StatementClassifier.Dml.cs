namespace NeuroLake.Engine.Query.Syntax;

/// <summary>INSERT, DELETE, UPDATE and MERGE: a target, then the parts that read tables.</summary>
internal static partial class StatementClassifier
{
    /// <summary>INSERT [OR REPLACE | OR IGNORE] INTO [TABLE] t ... and INSERT OVERWRITE [TABLE] t ...</summary>
    private static StatementClassification Insert(TokenCursor c)
    {
        var start = c.Position;
        c.Position++;
        if (!c.AcceptAll("OR", "REPLACE"))
        {
            c.AcceptAll("OR", "IGNORE");
        }

        var kind = c.Accept("INTO") ? StatementKind.Insert
            : c.Accept("OVERWRITE") ? StatementKind.InsertOverwrite
            : StatementKind.Unknown;
        if (kind == StatementKind.Unknown)
        {
            return Unknown(start);
        }

        c.Accept("TABLE");
        var target = ReadTarget(c, "INSERT");
        var alias = c.Accept("AS") ? c.ReadName()?.Name : null;
        return new StatementClassification(kind) { Target = target, TargetAlias = alias, Reads = ReadRegion.From(c.Position) };
    }

    /// <summary>DELETE FROM t [[AS] a] [USING ...] [WHERE ...].</summary>
    private static StatementClassification Delete(TokenCursor c)
    {
        c.Position++;
        c.Accept("FROM");
        var target = ReadTarget(c, "DELETE");
        var alias = ReadTargetAlias(c);
        return new StatementClassification(StatementKind.Delete)
        {
            Target = target,
            TargetAlias = alias,
            Reads = ReadRegion.From(c.Position) with { UsingReads = true },
        };
    }

    /// <summary>UPDATE t [[AS] a] SET ... [FROM ...] [WHERE ...].</summary>
    private static StatementClassification Update(TokenCursor c)
    {
        c.Position++;
        var target = ReadTarget(c, "UPDATE");
        var alias = ReadTargetAlias(c);
        return new StatementClassification(StatementKind.Update) { Target = target, TargetAlias = alias, Reads = ReadRegion.From(c.Position) };
    }

    /// <summary>MERGE INTO t [[AS] a] USING source ON ... WHEN ...</summary>
    private static StatementClassification Merge(TokenCursor c)
    {
        c.Position++;
        c.Accept("INTO");
        var target = ReadTarget(c, "MERGE");
        var alias = ReadTargetAlias(c);
        return new StatementClassification(StatementKind.Merge)
        {
            Target = target,
            TargetAlias = alias,
            Reads = ReadRegion.From(c.Position) with { UsingReads = true },
        };
    }

    /// <summary>Reads the table a DML statement writes; time travel there is refused, since writes go to the latest version.</summary>
    private static TableName? ReadTarget(TokenCursor c, string statement)
    {
        var target = c.ReadName();
        if (target is not null && !c.AtEnd && TimeTravelParser.StartsHere(c, c.At(-1)!.Value))
        {
            var travel = TimeTravelParser.Parse(c);
            throw new SqlSyntaxException($"{statement} cannot write to an old version of {target}", travel.Span,
                $"Remove the time travel clause: {statement} always changes the latest version (use RESTORE TABLE to go back to an old one).");
        }

        return target;
    }

    private static string? ReadTargetAlias(TokenCursor c)
    {
        if (c.Accept("AS"))
        {
            return c.ReadName()?.Name;
        }

        return c.Current is { IsIdentifier: true } word && !word.IsWordIn(SqlKeywords.EndsRelation) ? c.ReadName()!.Name : null;
    }
}
