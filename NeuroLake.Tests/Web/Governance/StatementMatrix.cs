namespace NeuroLake.Tests.Web.Governance;

/// <summary>
/// SQL statements under each role, through <c>POST /api/v1/sql</c>, in one table: <c>allow</c> (200) or <c>deny</c>
/// (refused with "permission denied"). Columns are the signed-in callers in <see cref="Caller"/> order after anonymous:
/// viewer, analyst, engineer, admin, and the analyst's token. Engineers hold SELECT and MODIFY everywhere by default,
/// analysts only what is granted (SELECT on schema sales), viewers no rows at all; only owners and administrators grant.
/// </summary>
internal static class StatementMatrix
{
    public static IReadOnlyList<(string Sql, IReadOnlyList<string> Expected)> Statements { get; } =
    [
        //                                                                     viewer analyst eng    admin  token
        ("SELECT count(*) FROM sales.orders",                                  Row("deny   allow  allow  allow  allow")),
        ("SELECT count(*) FROM hr.salaries",                                   Row("deny   deny   allow  allow  deny")),
        ("INSERT INTO sales.orders VALUES (9, 90)",                            Row("deny   deny   allow  allow  deny")),
        ("CREATE TABLE sales.made_by_{caller} AS SELECT 1 AS x",               Row("deny   deny   allow  allow  deny")),
        ("OPTIMIZE sales.orders",                                              Row("deny   deny   allow  allow  deny")),
        ("GRANT SELECT ON TABLE hr.salaries TO USER nobody_{caller}",          Row("deny   deny   deny   allow  deny")),
    ];

    private static IReadOnlyList<string> Row(string cells) => cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
