using System.Globalization;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Transactions;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Query.Service;

/// <summary>CREATE SCHEMA, CREATE TABLE [AS SELECT], INSERT INTO and INSERT OVERWRITE through the table operations.</summary>
internal sealed class TableWrites(CatalogStore catalog, ManagedTables tables, TableResolver resolver, DuckDbDatabase duckDb, string catalogName)
{
    public async Task<StatementOutcome> CreateSchemaAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var name = SqlIdentifier.Validate(analysis.Classification.Target!.Name, "schema", analysis.Classification.Target.Span);
        var ifNotExists = analysis.Statement.Tokens.TakeWhile(t => t.Span.Offset < analysis.Classification.Target.Span.Offset).Any(t => t.IsWord("EXISTS"));
        if (await SchemaExistsAsync(name, ct))
        {
            return ifNotExists ? StatementOutcome.Empty
                : throw new QueryRefusedException($"Schema '{name}' already exists. Use CREATE SCHEMA IF NOT EXISTS {name} to accept an existing one.");
        }

        await catalog.CreateSchemaAsync(catalogName, name, request.User, cancellationToken: ct);
        return StatementOutcome.Empty;
    }

    /// <summary>CREATE TABLE s.t USING DELTA LOCATION '&lt;path&gt;': registers an existing table found under an external location.</summary>
    public async Task<StatementOutcome> CreateExternalTableAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var target = analysis.Classification.Target!;
        var name = target.ToSchemaTable(request.DefaultSchema);
        var clauses = CreateTableClauses.Of(analysis.Statement, target);
        if (await EnsureNewTableAsync(name, clauses, ct) is { } existing)
        {
            return existing;
        }

        var path = analysis.Classification.Location!;
        var location = tables.ExternalLocation(path) ?? throw new QueryRefusedException(
            $"'{path}' is not under a configured external location. Add its folder to NeuroLake:ExternalLocations, or create a managed table instead.");
        var table = await tables.OpenAsync(location, request.User, ct);
        if (!await table.ExistsAsync(ct))
        {
            throw new QueryRefusedException($"There is no Delta table at '{location}': the folder has no _delta_log. Check the path.");
        }

        var snapshot = await table.GetSnapshotAsync(null, ct);
        await tables.RegisterAsync(name, snapshot, request.User, ct);
        return new StatementOutcome([], [], TableWritten: new TableVersion(name.Schema, name.Table, snapshot.Version));
    }

    public async Task<StatementOutcome> CreateTableAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var target = analysis.Classification.Target!;
        var name = target.ToSchemaTable(request.DefaultSchema);
        var clauses = CreateTableClauses.Of(analysis.Statement, target);
        if (await EnsureNewTableAsync(name, clauses, ct) is { } existing)
        {
            return existing;
        }

        var asSelect = analysis.Kind == StatementKind.CreateTableAsSelect;
        if (asSelect == (clauses.ColumnsText is not null))
        {
            throw new QueryRefusedException("CREATE TABLE needs either a column list or AS SELECT, not both: the query's columns define the table.");
        }

        var (query, read, _) = asSelect ? await BodyAsync(analysis, request, ct) : (null, [], null);
        var definition = new TableDefinition
        {
            Schema = clauses.ColumnsText is { } columns ? ColumnList.Parse(duckDb, columns) : null,
            PartitionColumns = clauses.PartitionColumns,
            Properties = clauses.Properties,
            Name = name.Table,
            Description = clauses.Comment,
        };
        var table = await tables.OpenNewAsync(name, request.User, ct);
        CommitResult commit;
        try
        {
            commit = (await table.CreateAsync(definition, query, ct: ct))!;
        }
        catch
        {
            await tables.DiscardUncommittedAsync(name);
            throw;
        }

        var written = await WrittenAsync(name, commit, request, read, ct);
        if (query is not null)
        {
            tables.ProfileCreated(commit.Snapshot);
        }

        return written;
    }

    public async Task<StatementOutcome> InsertAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        var table = await resolver.OpenAsync(name, request.User, ct);
        var (body, read, columns) = await BodyAsync(analysis, request, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        if (columns is not null)
        {
            body = InsertColumns.Project(body, columns, snapshot.Schema, name, ValueCount(body, ct));
        }

        // INSERT is positional, as in Spark and DuckDB; the table layer matches columns by name.
        var aliases = string.Join(", ", snapshot.Schema.Fields.Select(f => SqlIdentifier.Quote(f.Name)));
        var query = $"SELECT * FROM ({body}) AS q({aliases})";
        var commit = analysis.Kind == StatementKind.InsertOverwrite
            ? await table.OverwriteAsync(query, ct: ct)
            : await table.AppendAsync(query, ct);
        return await WrittenAsync(name, commit, request, read, ct);
    }

    private async Task<StatementOutcome> WrittenAsync(SchemaTableName name, CommitResult commit, QueryRequest request, IReadOnlyList<TableVersion> read, CancellationToken ct)
    {
        // The commit is durable: the catalog must hear of it even when the caller cancels now.
        await tables.RegisterAsync(name, commit.Snapshot, request.User, CancellationToken.None);
        var rows = commit.OperationMetrics.TryGetValue("numOutputRows", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        return StatementOutcome.Written(rows, read, new TableVersion(name.Schema, name.Table, commit.Version));
    }

    /// <summary>The SELECT or VALUES a CTAS or INSERT writes, with its table reads resolved, and an INSERT's column list.</summary>
    private async Task<(string Sql, IReadOnlyList<TableVersion> Read, IReadOnlyList<string>? Columns)> BodyAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var statement = analysis.Statement;
        var region = analysis.Classification.Reads;
        if (region.WithEnd > region.WithStart || region.BodyStart >= statement.Tokens.Count)
        {
            throw new QueryRefusedException("Write the query after the target (INSERT INTO s.t WITH ... SELECT ...), not before it.");
        }

        var bodyStart = region.BodyStart;
        IReadOnlyList<string>? columns = null;
        if (analysis.Kind is StatementKind.Insert or StatementKind.InsertOverwrite)
        {
            columns = InsertColumns.Read(statement.Tokens, region.BodyStart, QueryStarts, out bodyStart);
        }

        if (columns is not null && bodyStart >= statement.Tokens.Count)
        {
            throw new QueryRefusedException("The INSERT column list is followed by nothing: add the SELECT or VALUES that gives the rows.");
        }

        var first = statement.Tokens[bodyStart];
        var (sql, read) = await resolver.RewriteAsync(analysis, request, ct);
        var prefix = first.Span.Offset - statement.Span.Offset;
        return (sql[prefix..], read, columns);
    }

    /// <summary>How many values each row of <paramref name="query"/> has: DuckDB binds it without reading rows.</summary>
    private int ValueCount(string query, CancellationToken ct)
    {
        using var connection = duckDb.Connect();
        using var reader = connection.ExecuteReader($"SELECT * FROM ({query}) LIMIT 0", ct);
        return reader.FieldCount;
    }

    private static readonly HashSet<string> QueryStarts = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "FROM", "TABLE" };

    /// <summary>Null when the table can be created; an empty outcome when it exists and IF NOT EXISTS was given.</summary>
    private async Task<StatementOutcome?> EnsureNewTableAsync(SchemaTableName name, CreateTableClauses clauses, CancellationToken ct)
    {
        if (!await SchemaExistsAsync(name.Schema, ct))
        {
            throw new QueryRefusedException($"Schema '{name.Schema}' does not exist. Run CREATE SCHEMA {name.Schema} first.");
        }

        if (await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, name.Schema, name.Table), ct) is null)
        {
            return null;
        }

        return clauses.IfNotExists ? StatementOutcome.Empty
            : throw new QueryRefusedException($"Table '{name}' already exists. Use IF NOT EXISTS to accept it, INSERT INTO to add rows, or INSERT OVERWRITE to replace them.");
    }

    private async Task<bool> SchemaExistsAsync(string schema, CancellationToken ct) =>
        (await catalog.ListSchemasAsync(catalogName, ct)).Any(s => string.Equals(s.Schema, schema, StringComparison.OrdinalIgnoreCase));
}
