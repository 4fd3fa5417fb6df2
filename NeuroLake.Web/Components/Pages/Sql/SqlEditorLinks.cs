namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>Links into the SQL editor: <c>sql?query=…</c> opens the SQL in a new editor tab.</summary>
public static class SqlEditorLinks
{
    public const string QueryParameter = "query";

    public static string Query(string sql) => $"sql?{QueryParameter}={Uri.EscapeDataString(sql)}";
}
