namespace NeuroLake.Engine.Tables.Operations.Schema;

/// <summary>How a write treats a query whose columns differ from the table's.</summary>
public enum WriteSchemaMode
{
    /// <summary>The query's columns must be table columns; values are cast to the table's types.</summary>
    Strict,

    /// <summary>mergeSchema: new query columns are added (nullable) and narrower table types widened to the query's.</summary>
    MergeSchema,

    /// <summary>overwriteSchema (overwrite only): the query's columns become the table's schema.</summary>
    OverwriteSchema,
}
