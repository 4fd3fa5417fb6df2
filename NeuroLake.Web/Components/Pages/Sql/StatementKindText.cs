using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>What a statement did, in words for people ("Create table as select"), from the kind the engine parsed.</summary>
public static class StatementKindText
{
    public static string Describe(StatementKind kind) => kind switch
    {
        StatementKind.Query => "Select",
        StatementKind.Explain => "Explain",
        StatementKind.ExplainAnalyze => "Explain analyze",
        StatementKind.CreateSchema => "Create schema",
        StatementKind.CreateTable => "Create table",
        StatementKind.CreateTableAsSelect => "Create table as select",
        StatementKind.CreateExternalTable => "Register Delta table",
        StatementKind.Insert => "Insert",
        StatementKind.InsertOverwrite => "Insert overwrite",
        StatementKind.Delete => "Delete",
        StatementKind.Update => "Update",
        StatementKind.Merge => "Merge",
        StatementKind.AlterTable => "Alter table",
        StatementKind.DropTable => "Drop table",
        StatementKind.DropSchema => "Drop schema",
        StatementKind.Optimize => "Optimize",
        StatementKind.Vacuum => "Vacuum",
        StatementKind.RestoreTable => "Restore table",
        StatementKind.Describe => "Describe",
        StatementKind.DescribeDetail => "Describe detail",
        StatementKind.DescribeHistory => "Describe history",
        StatementKind.ShowSchemas => "Show schemas",
        StatementKind.ShowTables => "Show tables",
        StatementKind.Forbidden => "Refused statement",
        StatementKind.Grant => "Grant",
        StatementKind.Revoke => "Revoke",
        StatementKind.ShowGrants => "Show grants",
        StatementKind.AlterOwner => "Change owner",
        StatementKind.AlterRowFilter => "Row filter",
        _ => "Statement",
    };

    /// <summary>A result tab's title: its one-based position and what it did, e.g. <c>2: Insert</c>.</summary>
    public static string TabTitle(int index, StatementKind kind) => $"{index + 1}: {Describe(kind)}";
}
