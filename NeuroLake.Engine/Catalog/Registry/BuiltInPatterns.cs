using V = NeuroLake.Engine.Catalog.Registry.TemplateVariable;
using K = NeuroLake.Engine.Catalog.Registry.TemplateVariableKind;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>The pattern library every catalog starts with (DuckDB SQL).</summary>
internal static class BuiltInPatterns
{
    public sealed record Pattern(string Name, string Description, string Sql, IReadOnlyList<V> Variables, IReadOnlyList<string> Tags);

    public static IReadOnlyList<Pattern> All { get; } =
    [
        new(
            "scd2",
            "Slowly changing dimension type 2: close the current row of every changed key and insert the new version.",
            """
            UPDATE {{target}} AS t
            SET valid_to = CAST({{as_of}} AS TIMESTAMP), is_current = FALSE
            FROM {{source}} AS s
            WHERE t.{{key}} = s.{{key}} AND t.is_current AND t.{{hash_column}} <> s.{{hash_column}};
            INSERT INTO {{target}}
            SELECT s.*, CAST({{as_of}} AS TIMESTAMP) AS valid_from, NULL AS valid_to, TRUE AS is_current
            FROM {{source}} AS s
            LEFT JOIN {{target}} AS t ON t.{{key}} = s.{{key}} AND t.is_current
            WHERE t.{{key}} IS NULL;
            """,
            [
                new V("target", K.Identifier, "dimension table with valid_from, valid_to, is_current"),
                new V("source", K.Identifier, "new snapshot of the dimension"),
                new V("key", K.Identifier, "business key column"),
                new V("hash_column", K.Identifier, "column holding a hash of the tracked attributes"),
                new V("as_of", K.String, "time the change takes effect"),
            ],
            ["scd", "dimension"]),
        new(
            "dedup",
            "Deduplication: keep the latest row per key.",
            """
            SELECT * FROM {{source}}
            QUALIFY row_number() OVER (PARTITION BY {{keys}} ORDER BY {{order_by}} DESC) = 1
            """,
            [
                new V("source", K.Identifier, "table with duplicates"),
                new V("keys", K.IdentifierList, "columns that identify a row"),
                new V("order_by", K.Identifier, "column whose highest value wins"),
            ],
            ["quality"]),
        new(
            "incremental_upsert",
            "Incremental upsert: merge rows changed since a watermark into the target.",
            """
            MERGE INTO {{target}} AS t
            USING (SELECT * FROM {{source}} WHERE {{watermark_column}} > CAST({{since}} AS TIMESTAMP)) AS s
            ON t.{{key}} = s.{{key}}
            WHEN MATCHED THEN UPDATE
            WHEN NOT MATCHED THEN INSERT
            """,
            [
                new V("target", K.Identifier, "table to update"),
                new V("source", K.Identifier, "table with new and changed rows"),
                new V("key", K.Identifier, "key column"),
                new V("watermark_column", K.Identifier, "change-time column of the source"),
                new V("since", K.String, "last processed watermark"),
            ],
            ["incremental", "merge"]),
        new(
            "soft_delete",
            "Soft delete: flag target rows whose key disappeared from the source instead of deleting them.",
            """
            UPDATE {{target}} AS t SET {{deleted_flag}} = TRUE
            FROM (SELECT k.{{key}} FROM {{target}} AS k ANTI JOIN {{source}} AS s ON k.{{key}} = s.{{key}}) AS gone
            WHERE t.{{key}} = gone.{{key}} AND NOT t.{{deleted_flag}}
            """,
            [
                new V("target", K.Identifier, "table to flag"),
                new V("source", K.Identifier, "current full extract"),
                new V("key", K.Identifier, "key column"),
                new V("deleted_flag", K.Identifier, "boolean column marking deleted rows"),
            ],
            ["delete"]),
        new(
            "surrogate_key",
            "Surrogate key: number rows with a stable integer key, starting after an offset.",
            """
            SELECT {{offset}} + row_number() OVER (ORDER BY {{natural_keys}}) AS {{key_name}}, *
            FROM {{source}}
            """,
            [
                new V("source", K.Identifier, "table to key"),
                new V("natural_keys", K.IdentifierList, "columns that order the rows"),
                new V("key_name", K.Identifier, "name of the new key column"),
                new V("offset", K.Integer, "highest key already used"),
            ],
            ["keys"]),
    ];
}
