namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The container of an Excel upload, recognised by content rather than by name.</summary>
public enum WorkbookLayout
{
    /// <summary>Office Open XML: a ZIP holding <c>xl/workbook.xml</c> (.xlsx, .xlsm).</summary>
    OpenXml,

    /// <summary>An OLE compound document: an Excel 97-2003 workbook (.xls), or any workbook encrypted with a password.</summary>
    Compound,
}
