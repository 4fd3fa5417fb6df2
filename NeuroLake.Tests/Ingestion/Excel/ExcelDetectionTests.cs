using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;
using static NeuroLake.Tests.Ingestion.Excel.XlsxTestFiles;

namespace NeuroLake.Tests.Ingestion.Excel;

public sealed class ExcelDetectionTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    private static readonly object?[][] Typed =
    [
        ["id", "amount", "day", "seen", "active", "note"],
        [1, 12.5, new DateTime(2024, 2, 29), new DateTime(2024, 2, 29, 13, 45, 10), true, "plain"],
        [2, -0.25, new DateTime(1999, 12, 31), new DateTime(2000, 1, 1, 0, 0, 1), false, null],
        [3, null, null, null, null, "comma, \"quoted\"\nand a line break"],
    ];

    [Fact]
    public async Task A_workbook_is_recognised_by_content_and_its_first_sheet_with_rows_is_read_with_types()
    {
        // Named .bin: the ZIP's xl/workbook.xml part says it is a workbook, not the extension.
        var path = Write(Path.Combine(_files.Folder, "export.bin"), new Sheet("Notes", []), new Sheet("Data", Typed), new Sheet("Other", [["x"], [1]]));

        var source = await SourceDetector.DetectAsync(_db.Connection, path);

        Assert.Equal((WorkbookLayout.OpenXml, "Data"), (source.Workbook!.Layout, source.Workbook.Sheet));
        Assert.Equal(["Notes", "Data", "Other"], source.Workbook.Sheets);
        Assert.Equal("xlsx", source.OriginalFormatName);
        Assert.Equal(
            [("id", "BIGINT"), ("amount", "DOUBLE"), ("day", "DATE"), ("seen", "TIMESTAMP"), ("active", "BOOLEAN"), ("note", "VARCHAR")],
            source.Columns.Select(c => (c.Name, c.DuckDbType)));
        var rows = $"FROM {source.RawRelationSql()}";
        Assert.Equal(3L, _db.Scalar($"SELECT count(*) {rows}"));
        Assert.Equal("2024-02-29|2024-02-29T13:45:10|12.5|true", _db.Scalar($"SELECT concat_ws('|', day, seen, amount, active) {rows} WHERE id = '1'"));
        Assert.Equal("-0.25|false", _db.Scalar($"SELECT concat_ws('|', amount, active) {rows} WHERE id = '2'"));
        Assert.Equal(4, _db.Scalar($"SELECT (amount IS NULL)::INT + (day IS NULL)::INT + (seen IS NULL)::INT + (active IS NULL)::INT {rows} WHERE id = '3'"));
        Assert.Equal("comma, \"quoted\"\nand a line break", _db.Scalar($"SELECT note {rows} WHERE id = '3'"));
        Assert.Null(_db.Scalar($"SELECT note {rows} WHERE id = '2'"));

        source.DeleteTranscodedCopy();
        Assert.False(Directory.Exists(Path.Combine(_files.Folder, WorkbookCsvCopy.CopyFolder)), "The CSV copy or its folder was left behind.");
        Assert.True(File.Exists(path), "The upload belongs to its owner.");
    }

    [Fact]
    public async Task A_sheet_is_read_by_name_and_empty_or_repeated_headers_get_distinct_names()
    {
        var path = Write(Path.Combine(_files.Folder, "book.xlsx"),
            new Sheet("First", [["a"], [1]]),
            new Sheet("Second sheet", [["Name", "name", null, "Name", "total"], ["x", "y", "z", "w", 7], [null, null, null, null, null], ["x2", null, null, null, 8]]));

        var source = await SourceDetector.DetectAsync(_db.Connection, path, null, null, JsonNesting.Struct, "second SHEET");

        Assert.Equal("Second sheet", source.Workbook!.Sheet);
        Assert.Equal(["Name", "name_2", "column_3", "Name_3", "total"], source.Columns.Select(c => c.Name));
        // The blank row is formatting, not a record.
        Assert.Equal(2L, _db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}"));
        Assert.Equal("z", _db.Scalar($"SELECT column_3 FROM {source.RawRelationSql()} WHERE total = '7'"));
        source.DeleteTranscodedCopy();
    }

    [Fact]
    public async Task An_unknown_sheet_is_refused_with_the_sheets_to_choose_from()
    {
        var path = Write(Path.Combine(_files.Folder, "book.xlsx"), new Sheet("Sales", [["a"], [1]]), new Sheet("Costs", [["b"], [2]]));

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path, null, null, JsonNesting.Struct, "Profit"));

        Assert.Equal("'book.xlsx' has no sheet named 'Profit': choose one of 'Sales', 'Costs'.", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder, "*.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_sheet_without_rows_and_a_workbook_without_any_are_refused()
    {
        var path = Write(Path.Combine(_files.Folder, "book.xlsx"), new Sheet("Empty", []), new Sheet("Blank", [[null, null], [null]]));

        var chosen = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path, null, null, JsonNesting.Struct, "Empty"));
        var first = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Equal("Sheet 'Empty' of 'book.xlsx' has no rows: choose a sheet with rows ('Empty', 'Blank') or fill this one.", chosen.Message);
        Assert.StartsWith("'book.xlsx' has no sheet with rows", first.Message);
    }

    [Theory]
    [InlineData("cut.xlsx")]
    [InlineData("cut.bin")]
    public async Task A_truncated_or_damaged_workbook_is_refused_without_a_path_and_leaves_no_copy(string name)
    {
        var whole = Write(Path.Combine(_files.Folder, "whole.xlsx"), new Sheet("Data", Enumerable.Range(0, 2_000).Select(i => new object?[] { i, $"row {i}" })));
        var bytes = await File.ReadAllBytesAsync(whole);
        File.Delete(whole);
        // The damaged copy keeps the ZIP's entry list but the sheet's compressed bytes are overwritten.
        var damaged = bytes.ToArray();
        Array.Fill(damaged, (byte)0x5A, 200, Math.Min(4_000, bytes.Length / 2));
        var path = _files.WriteBytes(name, name.EndsWith(".xlsx", StringComparison.Ordinal) ? bytes[..(bytes.Length / 2)] : damaged);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Contains($"'{name}'", error.Message);
        Assert.DoesNotContain(_files.Folder, error.Message);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder, "*.csv", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("secret.xlsx")]
    [InlineData("secret.xls")]
    public async Task A_password_protected_workbook_is_refused_saying_to_remove_the_password(string name)
    {
        var path = EncryptedWorkbookFile.Write(Path.Combine(_files.Folder, name));

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Equal($"'{name}' is protected with a password: open it in Excel, remove the password (File → Info → Protect Workbook) and upload it again.", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder, "*.csv", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("budget.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0 }, "'budget.xlsx' could not be read as an Excel workbook")]
    [InlineData("old.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "'old.xls' could not be read as an Excel workbook")]
    public async Task Damaged_office_files_are_refused_by_name_with_what_to_upload_instead(string name, byte[] head, string expected)
    {
        var path = _files.WriteBytes(name, [.. head, .. new byte[300]]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain(_files.Folder, error.Message);
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
