namespace NeuroLake.Engine.Query.Syntax;

/// <summary>What a statement is and which table or schema it acts on.</summary>
internal sealed record StatementClassification(StatementKind Kind)
{
    /// <summary>For EXPLAIN and EXPLAIN ANALYZE: the statement being explained.</summary>
    public StatementClassification? Explained { get; init; }

    /// <summary>
    /// The table a statement writes or inspects (INSERT, DELETE, UPDATE, MERGE, CREATE TABLE, DROP TABLE,
    /// ALTER TABLE, OPTIMIZE, VACUUM, RESTORE, DESCRIBE), or the schema of CREATE SCHEMA, DROP SCHEMA and SHOW TABLES IN.
    /// </summary>
    public TableName? Target { get; init; }

    /// <summary>The target's alias (DELETE, UPDATE, MERGE), as the statement's conditions refer to it.</summary>
    public string? TargetAlias { get; init; }

    /// <summary>CREATE TABLE ... USING DELTA LOCATION '&lt;path&gt;': the path.</summary>
    public string? Location { get; init; }

    /// <summary>RESTORE TABLE t TO VERSION AS OF n / TIMESTAMP AS OF '...': the version to restore.</summary>
    public TimeTravel? RestoreTo { get; init; }

    /// <summary>For <see cref="StatementKind.Forbidden"/>: the refused keywords, such as ATTACH or CREATE SECRET.</summary>
    public string? RefusedKeyword { get; init; }

    /// <summary>For <see cref="StatementKind.Forbidden"/>: why, and what to do instead.</summary>
    public string? RefusalReason { get; init; }

    /// <summary>Throws when the sandbox refuses the statement.</summary>
    /// <exception cref="ForbiddenStatementException"/>
    public void EnsureAllowed(SqlStatement statement)
    {
        if (Kind == StatementKind.Forbidden)
        {
            throw new ForbiddenStatementException(RefusedKeyword!, statement.Span, RefusalReason!);
        }
    }

    /// <summary>Where in the statement's tokens the tables it reads can appear.</summary>
    internal ReadRegion Reads { get; init; }

    public bool IsWrite => Kind is StatementKind.CreateTable or StatementKind.CreateTableAsSelect
        or StatementKind.CreateExternalTable or StatementKind.Insert or StatementKind.InsertOverwrite
        or StatementKind.Delete or StatementKind.Update or StatementKind.Merge or StatementKind.AlterTable
        or StatementKind.DropTable or StatementKind.Optimize or StatementKind.Vacuum or StatementKind.RestoreTable
        or StatementKind.CreateSchema or StatementKind.DropSchema;
}

/// <summary>
/// Token ranges to search for table reads: a leading WITH clause of a DML statement
/// (<see cref="WithStart"/>..<see cref="WithEnd"/>), then everything from <see cref="BodyStart"/>.
/// </summary>
/// <param name="UsingReads">DELETE ... USING and MERGE ... USING name tables the statement reads.</param>
internal readonly record struct ReadRegion(bool Scan, int WithStart, int WithEnd, int BodyStart, bool UsingReads)
{
    public static ReadRegion None => default;

    public static ReadRegion From(int bodyStart) => new(true, 0, 0, bodyStart, false);
}
