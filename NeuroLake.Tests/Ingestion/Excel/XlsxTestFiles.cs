using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace NeuroLake.Tests.Ingestion.Excel;

/// <summary>
/// Writes real .xlsx workbooks from the minimal SpreadsheetML parts: inline strings, numbers, booleans, and dates as
/// serial numbers with a date (numFmt 14) or date-time (numFmt 22) style, as Excel stores them. Rows stream into the
/// ZIP entry, so large sheets cost no memory.
/// </summary>
internal static class XlsxTestFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>A sheet: its name and rows; a null cell is left out, as Excel leaves out empty cells.</summary>
    public sealed record Sheet(string Name, IEnumerable<object?[]> Rows);

    public static string Write(string path, params Sheet[] sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", ContentTypes);
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Length; i++)
            {
                Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
        });
        Part(zip, "_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            Relationship(w, "rId1", Relationships + "/officeDocument", "xl/workbook.xml");
        });
        Part(zip, "xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, Relationships);
            w.WriteStartElement("sheets", Main);
            for (var i = 0; i < sheets.Length; i++)
            {
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", sheets[i].Name);
                w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("id", Relationships, $"rId{i + 1}");
                w.WriteEndElement();
            }
        });
        Part(zip, "xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= sheets.Length; i++)
            {
                Relationship(w, $"rId{i}", Relationships + "/worksheet", $"worksheets/sheet{i}.xml");
            }
            Relationship(w, "rIdStyles", Relationships + "/styles", "styles.xml");
        });
        Part(zip, "xl/styles.xml", w =>
        {
            w.WriteStartElement("styleSheet", Main);
            w.WriteStartElement("cellXfs", Main);
            foreach (var format in new[] { "0", "14", "22" })
            {
                w.WriteStartElement("xf", Main);
                w.WriteAttributeString("numFmtId", format);
                w.WriteAttributeString("applyNumberFormat", "1");
                w.WriteEndElement();
            }
        });
        for (var i = 0; i < sheets.Length; i++)
        {
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", w => Worksheet(w, sheets[i].Rows));
        }
        return path;
    }

    private static void Worksheet(XmlWriter w, IEnumerable<object?[]> rows)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetData", Main);
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            w.WriteStartElement("row", Main);
            w.WriteAttributeString("r", r.ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } value)
                {
                    Cell(w, $"{Column(c)}{r}", value);
                }
            }
            w.WriteEndElement();
        }
    }

    private static void Cell(XmlWriter w, string reference, object value)
    {
        w.WriteStartElement("c", Main);
        w.WriteAttributeString("r", reference);
        switch (value)
        {
            case string text:
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", Main);
                w.WriteElementString("t", Main, text);
                w.WriteEndElement();
                break;
            case bool flag:
                w.WriteAttributeString("t", "b");
                w.WriteElementString("v", Main, flag ? "1" : "0");
                break;
            case DateTime date:
                w.WriteAttributeString("s", date.TimeOfDay == TimeSpan.Zero ? "1" : "2");
                w.WriteElementString("v", Main, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteElementString("v", Main, Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
        }
        w.WriteEndElement();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Default(XmlWriter w, string extension, string type)
    {
        w.WriteStartElement("Default", ContentTypes);
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string type)
    {
        w.WriteStartElement("Override", ContentTypes);
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelationships);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }
}
