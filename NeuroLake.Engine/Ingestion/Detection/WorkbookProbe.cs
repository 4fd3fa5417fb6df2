using System.IO.Compression;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>Recognises Excel workbooks by content: a ZIP whose parts include <c>xl/workbook.xml</c>, or an OLE compound document.</summary>
internal static class WorkbookProbe
{
    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;

    // OLE compound documents: Excel 97-2003 workbooks, and every password-encrypted Office file.
    private static ReadOnlySpan<byte> Compound => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith(Zip);

    /// <summary>The workbook layout of the file at <paramref name="path"/>, or null when it is no workbook.</summary>
    /// <remarks>A ZIP too damaged to list counts as a workbook when its name says so, so the refusal speaks of a corrupt workbook.</remarks>
    public static WorkbookLayout? Detect(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith(Compound))
        {
            return WorkbookLayout.Compound;
        }
        if (!IsZip(head))
        {
            return null;
        }
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("xl/workbook.xml") is not null ? WorkbookLayout.OpenXml : null;
        }
        catch (InvalidDataException)
        {
            return NamedAsWorkbook(path) ? WorkbookLayout.OpenXml : null;
        }
    }

    private static bool NamedAsWorkbook(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);
}
