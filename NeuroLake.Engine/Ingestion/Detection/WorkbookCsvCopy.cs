using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Turns one sheet of an Excel workbook into a CSV copy beside it, so the rest of ingestion reads it as it reads any
/// delimited upload. ExcelDataReader's data reader yields one row at a time (never the whole workbook as a DataSet);
/// each row is written as it is read, so only the workbook's shared strings are ever held in memory.
/// </summary>
internal static class WorkbookCsvCopy
{
    /// <summary>The folder beside the original that holds the copies.</summary>
    public const string CopyFolder = ".csv";

    /// <summary>How the staged copy is read: header on the first line, RFC 4180 quoting.</summary>
    public const string Dialect = "delim = ',', quote = '\"', escape = '\"', header = true";

    private const int RowsPerCancellationCheck = 4096;

    // .xls text and ExcelDataReader's default fallback encoding are Windows code pages, which .NET leaves out unless asked.
    static WorkbookCsvCopy() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Writes the CSV copy of <paramref name="sheet"/> (null: the first sheet with rows) and returns its path and the sheet read.</summary>
    /// <exception cref="IngestionException">The workbook is encrypted or damaged, has no such sheet, or the sheet has no rows.</exception>
    public static (string Copy, WorkbookSheet Sheet) Write(string path, WorkbookLayout layout, string? sheet, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, CopyFolder)).FullName;
        var copy = Path.Combine(folder, name + ".csv");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            using var reader = ExcelReaderFactory.CreateReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
            var sheets = SheetNames(reader);
            reader.Reset();
            var (chosen, header) = Position(reader, sheets, sheet, name);
            WriteRows(reader, header, copy, ct);
            return (copy, new WorkbookSheet(layout, chosen, sheets));
        }
        catch (Exception e) when (e is not (IngestionException or OperationCanceledException))
        {
            File.Delete(copy);
            throw e is InvalidPasswordException
                ? new IngestionException($"'{name}' is protected with a password: open it in Excel, remove the password (File → Info → Protect Workbook) and upload it again.", e)
                : new IngestionException(
                    $"'{name}' could not be read as an Excel workbook ({TextPrefix.FirstLine(e.Message).Replace(path, name, StringComparison.Ordinal)}): " +
                    "upload the complete file, or open it in Excel, save it again (or as CSV) and upload that.", e);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    private static List<string> SheetNames(IExcelDataReader reader)
    {
        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
        }
        while (reader.NextResult());
        return names;
    }

    /// <summary>Moves to the chosen sheet and past its header row (its first row with a value), returning the sheet and the column names.</summary>
    private static (string Sheet, string[] Header) Position(IExcelDataReader reader, List<string> sheets, string? wanted, string name)
    {
        if (wanted is null)
        {
            for (var i = 0; i < sheets.Count; i++)
            {
                if (i > 0 && !reader.NextResult())
                {
                    break;
                }
                if (Header(reader) is { } header)
                {
                    return (sheets[i], header);
                }
            }
            throw new IngestionException($"'{name}' has no sheet with rows: fill a sheet (its first row is the header) and upload it again.");
        }

        var index = sheets.IndexOf(wanted);
        index = index >= 0 ? index : sheets.FindIndex(s => string.Equals(s, wanted, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new IngestionException($"'{name}' has no sheet named '{wanted}': choose one of {List(sheets)}.");
        }
        for (var i = 0; i < index; i++)
        {
            reader.NextResult();
        }
        return (sheets[index], Header(reader)
            ?? throw new IngestionException($"Sheet '{sheets[index]}' of '{name}' has no rows: choose a sheet with rows ({List(sheets)}) or fill this one."));
    }

    private static string List(List<string> sheets) => string.Join(", ", sheets.Select(s => $"'{s}'"));

    /// <summary>The distinct column names of the sheet's first row with a value; null when the sheet has none.</summary>
    private static string[]? Header(IExcelDataReader reader)
    {
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(SheetCellText.Of(reader.GetValue(i)).Trim());
            }
            if (cells.Any(c => c.Length > 0))
            {
                return Schema.ColumnNameCleaner.Distinct(cells, StringComparer.OrdinalIgnoreCase);
            }
        }
        return null;
    }

    private static void WriteRows(IExcelDataReader reader, string[] header, string copy, CancellationToken ct)
    {
        using var writer = new StreamWriter(copy, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { NewLine = "\n" };
        WriteLine(writer, header);
        var cells = new string[header.Length];
        for (var rows = 0L; reader.Read(); rows++)
        {
            if (rows % RowsPerCancellationCheck == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < reader.FieldCount ? SheetCellText.Of(reader.GetValue(i)) : "";
                any |= cells[i].Length > 0;
            }
            // Rows with no value at all are formatting left in the sheet, not records.
            if (any)
            {
                WriteLine(writer, cells);
            }
        }
    }

    private static void WriteLine(TextWriter writer, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            SheetCellText.WriteField(writer, cells[i]);
        }
        writer.WriteLine();
    }
}
