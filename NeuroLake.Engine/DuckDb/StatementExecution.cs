using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Runs prepared statements through DuckDB's pending-result API, streaming or materialized.</summary>
internal static unsafe class StatementExecution
{
    private const int StatementInsert = 2;
    private const int StatementUpdate = 3;
    private const int StatementDelete = 5;

    /// <summary>
    /// Executes <paramref name="statement"/>. A streaming result computes rows as they are fetched, so it never
    /// holds the whole result; a materialized one holds it all (used for statements whose rows are thrown away).
    /// </summary>
    internal static ResultHandle Run(
        ConnectionHandle connection, PreparedStatementHandle statement, bool streaming, string sql, CancellationToken cancellationToken, int? nice = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var pending = new PendingResultHandle();
        var state = streaming
            ? NativeMethods.PendingPreparedStreaming(statement.DangerousGetHandle(), out var raw)
            : NativeMethods.PendingPrepared(statement.DangerousGetHandle(), out raw);
        Marshal.InitHandle(pending, raw);
        if (state != NativeMethods.DuckDbSuccess)
        {
            ThrowHelper.Failed(Utf8.Decode(NativeMethods.PendingErrorMessage(raw)), sql, cancellationToken);
        }

        var result = new ResultHandle();
        result.DependOn(connection);
        var target = (nint)result.Result;
        var executed = nice is { } n
            ? NicedThreads.Run(n, () => NativeMethods.ExecutePending(raw, (DuckDbResultStruct*)target))
            : NativeMethods.ExecutePending(raw, result.Result);
        if (executed != NativeMethods.DuckDbSuccess)
        {
            var message = Utf8.Decode(NativeMethods.ResultError(result.Result));
            result.Dispose();
            ThrowHelper.Failed(message, sql, cancellationToken);
        }

        return result;
    }

    /// <summary>True for INSERT, UPDATE and DELETE, whose result is the number of rows they changed.</summary>
    internal static bool ChangesRows(ResultHandle result)
    {
        var type = NativeMethods.ResultStatementType(*result.Result);
        return type is StatementInsert or StatementUpdate or StatementDelete;
    }

    /// <summary>Rows changed by a materialized result; only called for INSERT/UPDATE/DELETE, whose result is one row.</summary>
    internal static long RowsChangedOfMaterialized(ResultHandle result) =>
        ChangesRows(result) ? (long)NativeMethods.RowsChanged(result.Result) : 0;

    /// <summary>Prepares statement <paramref name="index"/> of an extracted multi-statement text.</summary>
    internal static PreparedStatementHandle PrepareExtracted(
        ConnectionHandle connection, ExtractedStatementsHandle extracted, int index, string sql)
    {
        var state = NativeMethods.PrepareExtractedStatement(
            connection.DangerousGetHandle(), extracted.DangerousGetHandle(), (ulong)index, out var raw);
        return AdoptPrepared(connection, state, raw, sql);
    }

    internal static PreparedStatementHandle Prepare(ConnectionHandle connection, string sql)
    {
        int state;
        IntPtr raw;
        fixed (byte* text = Utf8.Encode(sql))
        {
            state = NativeMethods.Prepare(connection.DangerousGetHandle(), text, out raw);
        }

        return AdoptPrepared(connection, state, raw, sql);
    }

    // DuckDB hands out a statement even when preparing fails (it carries the error), so it is owned either way.
    private static PreparedStatementHandle AdoptPrepared(ConnectionHandle connection, int state, IntPtr raw, string sql)
    {
        var statement = new PreparedStatementHandle();
        Marshal.InitHandle(statement, raw);
        statement.DependOn(connection);
        if (state != NativeMethods.DuckDbSuccess)
        {
            var message = Utf8.Decode(NativeMethods.PrepareError(raw));
            statement.Dispose();
            ThrowHelper.Failed(message, sql, CancellationToken.None);
        }

        return statement;
    }

    internal static ExtractedStatementsHandle Extract(ConnectionHandle connection, string sql, out int count)
    {
        var extracted = new ExtractedStatementsHandle();
        ulong found;
        IntPtr raw;
        fixed (byte* text = Utf8.Encode(sql))
        {
            found = NativeMethods.ExtractStatements(connection.DangerousGetHandle(), text, out raw);
        }

        Marshal.InitHandle(extracted, raw);
        if (found == 0)
        {
            var message = Utf8.Decode(NativeMethods.ExtractStatementsError(raw));
            extracted.Dispose();
            if (message is null)
            {
                throw new ArgumentException("The SQL text holds no statement.", nameof(sql));
            }

            ThrowHelper.Failed(message, sql, CancellationToken.None);
        }

        count = checked((int)found);
        return extracted;
    }
}
