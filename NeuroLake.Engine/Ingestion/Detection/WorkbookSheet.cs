namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The sheet an Excel upload was read from, and the sheets it holds to choose from.</summary>
/// <param name="Layout">The workbook's container.</param>
/// <param name="Sheet">The sheet whose rows were copied (the first with rows unless one was asked for).</param>
/// <param name="Sheets">Every sheet name in workbook order.</param>
public sealed record WorkbookSheet(WorkbookLayout Layout, string Sheet, IReadOnlyList<string> Sheets)
{
    /// <summary>The format's name in reports: xlsx, or xls for a compound document.</summary>
    public string FormatName => Layout == WorkbookLayout.OpenXml ? "xlsx" : "xls";
}
