using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>A proposed column as the user edits it in the schema grid: name, DuckDB type, key and partition marks.</summary>
public sealed class ColumnEdit(ProposedColumn proposed)
{
    public ProposedColumn Proposed { get; } = proposed;

    public string Name { get; set; } = proposed.Name;

    public string Type { get; set; } = proposed.DuckDbType;

    public bool Key { get; set; }

    public bool Partition { get; set; }

    public bool Retyped => !string.Equals(Type, Proposed.DuckDbType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The column to load: the proposal with the edited name, and for a new type a parse that produces it.</summary>
    public ProposedColumn ToColumn() => Retyped
        ? Proposed with { Name = Name, DuckDbType = Type, Parse = ParseFor(Type), Note = null }
        : Proposed with { Name = Name };

    private ParseMethod ParseFor(string type)
    {
        if (string.Equals(type, Proposed.Source.RawType, StringComparison.OrdinalIgnoreCase))
        {
            return ParseMethod.AsRead;
        }

        // A date format found in the file still applies when switching between DATE and TIMESTAMP.
        return Proposed.Parse.Kind == ParseKind.Strptime && type is "DATE" or "TIMESTAMP" ? Proposed.Parse : ParseMethod.Cast;
    }
}
