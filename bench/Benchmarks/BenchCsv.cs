using System.Globalization;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// A CSV of about the asked size, written by DuckDB from a generated range (streamed, never held in memory): ids,
/// leading-zero codes, dates, amounts, text and an email column, so detection, typing and PII all have work.
/// </summary>
public static class BenchCsv
{
    /// <summary>Average bytes per generated line, measured on the query below; sizes the row count.</summary>
    private const double BytesPerRow = 77;

    /// <summary>How many rows a file of about <paramref name="megabytes"/> gets.</summary>
    public static long RowsFor(long megabytes) => (long)(megabytes * 1024 * 1024 / BytesPerRow);

    public static string Generate(DuckDbDatabase db, string path, long megabytes)
    {
        var rows = RowsFor(megabytes);
        using var connection = db.Connect();
        connection.Execute(string.Create(CultureInfo.InvariantCulture,
            $"""
             COPY (
               SELECT i AS id,
                      lpad(CAST(i % 100000 AS VARCHAR), 6, '0') AS code,
                      DATE '2020-01-01' + CAST(i % 2000 AS INTEGER) AS order_date,
                      round((i * 7919 % 1000003) / 100.0, 2) AS amount,
                      'customer ' || (i % 50000) AS customer,
                      'user' || (i % 90000) || '@example.com' AS email,
                      CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'shipped' WHEN 2 THEN 'paid' ELSE 'returned' END AS status
               FROM range({rows}) t(i)
             ) TO '{path}' (HEADER, FORMAT csv)
             """));
        return path;
    }
}
