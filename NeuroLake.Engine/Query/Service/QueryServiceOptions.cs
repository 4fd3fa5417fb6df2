namespace NeuroLake.Engine.Query.Service;

/// <summary>Where managed tables live and how the service's DuckDB runs.</summary>
public sealed class QueryServiceOptions
{
    /// <summary>Folder of managed tables (<c>&lt;root&gt;/&lt;catalog&gt;/&lt;schema&gt;/&lt;table&gt;</c>); the only folder user SQL can reach. Required.</summary>
    public string WarehouseRoot { get; set; } = "";

    /// <summary>The catalog that <c>schema.table</c> names resolve in.</summary>
    public string Catalog { get; set; } = "main";

    /// <summary>DuckDB worker threads; null keeps DuckDB's default (all cores).</summary>
    public int? Threads { get; set; }
}
