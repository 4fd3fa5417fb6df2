namespace NeuroLake.Engine.Query.Syntax;

/// <summary>What a statement does, decided from its leading keywords.</summary>
public enum StatementKind
{
    /// <summary>A statement NeuroLake does not recognise; DuckDB may still know it.</summary>
    Unknown,
    /// <summary>SELECT, WITH ... SELECT, VALUES, TABLE t, FROM-first queries, and parenthesised queries.</summary>
    Query,
    Explain,
    ExplainAnalyze,
    CreateSchema,
    CreateTable,
    CreateTableAsSelect,
    /// <summary>CREATE TABLE t USING DELTA LOCATION '...': registers an existing Delta table.</summary>
    CreateExternalTable,
    Insert,
    InsertOverwrite,
    Delete,
    Update,
    Merge,
    AlterTable,
    DropTable,
    DropSchema,
    Optimize,
    Vacuum,
    RestoreTable,
    Describe,
    DescribeDetail,
    DescribeHistory,
    ShowSchemas,
    ShowTables,
    /// <summary>A statement the sandbox refuses (INSTALL, LOAD, ATTACH, COPY, SET, PRAGMA ...).</summary>
    Forbidden,

    /// <summary>GRANT privileges ON securable TO principal.</summary>
    Grant,

    /// <summary>REVOKE privileges ON securable FROM principal.</summary>
    Revoke,

    /// <summary>SHOW GRANTS [ON securable] [TO principal].</summary>
    ShowGrants,

    /// <summary>ALTER CATALOG|SCHEMA|TABLE name [SET] OWNER TO principal.</summary>
    AlterOwner,

    /// <summary>ALTER TABLE t SET ROW FILTER predicate FOR GROUP g, or DROP ROW FILTER FOR GROUP g.</summary>
    AlterRowFilter,
}
